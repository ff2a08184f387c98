import type { Role } from '../../../src-main/api/caller.js';
import { messageText } from '../../i18n/messages.js';

/** 资料管理员, Curator: a role as the UI names it, from the shared catalogue. */
export const roleText = (role: Role): string => messageText(`role.${role}`);

/** Several roles in one line, joined as the language joins a list. */
export const rolesText = (roles: readonly Role[], separator: string): string =>
  roles.map(roleText).join(separator);
