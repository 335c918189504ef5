// TODO(2026-12-02): remove once App.tsx renders <YourData/> (the options shell, built alongside).
export { YourData as ExportImport } from './YourData';
