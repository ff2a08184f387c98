import { Select } from 'antd';
import { ROLES, type Role } from '../../../src-main/api/caller.js';
import { roleText } from './role-text.js';

/** A multiple choice of roles, named in the UI's language. */
export function RoleSelect({
  value,
  onChange,
  testId,
  ariaLabel,
}: {
  readonly value?: readonly Role[];
  readonly onChange?: (roles: Role[]) => void;
  readonly testId: string;
  readonly ariaLabel: string;
}) {
  return (
    <Select<Role[]>
      mode="multiple"
      value={value ? [...value] : []}
      onChange={(roles) => onChange?.(roles)}
      aria-label={ariaLabel}
      data-testid={testId}
      className="role-select"
      options={ROLES.map((role) => ({ value: role, label: roleText(role) }))}
    />
  );
}
