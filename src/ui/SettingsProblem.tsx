/** Why a section's stored settings could not be read: the defaults stand in until it is saved. */
export function SettingsProblem({ problem }: { problem: string | undefined }) {
  return problem ? <p class="status error">{problem}</p> : null;
}
