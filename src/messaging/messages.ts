import { z } from 'zod';
import { DealContextSchema } from '../crm/types';
import { LessonInputSchema } from '../lessons/schema';

/** A loss seen on a page: the stage shown changed from an open stage to a lost one. */
export const LossObservedSchema = z.object({
  type: z.literal('loss/observed'),
  crm: z.string().min(1).max(40),
  dealId: z.string().min(1).max(200),
  dealUrl: z.url(),
  stageBefore: z.string().max(200),
  stageAfter: z.string().max(200),
  deal: DealContextSchema,
});
export type LossObserved = z.infer<typeof LossObservedSchema>;

/** A confirmed loss, ready for a reflection. */
export const LossEventSchema = LossObservedSchema.omit({ type: true, stageAfter: true }).extend({
  lossId: z.uuid(),
});
export type LossEvent = z.infer<typeof LossEventSchema>;

/** Messages that content scripts and extension pages send to the background. */
export const ToBackgroundSchema = z.discriminatedUnion('type', [
  LossObservedSchema,
  z.object({
    type: z.literal('lesson/save'),
    lossId: z.uuid().optional(),
    lesson: LessonInputSchema,
  }),
  z.object({ type: z.literal('prompt/later'), lossId: z.uuid() }),
]);
export type ToBackground = z.infer<typeof ToBackgroundSchema>;

/** Messages the background sends to a CRM tab's content script. */
export const ToContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prompt/open'), loss: LossEventSchema }),
]);
export type ToContent = z.infer<typeof ToContentSchema>;

/** Every answer: success, or a message a person can read. */
export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof ReplySchema>;
