import type { Result } from '../api/errors.js';
import type { SessionGate } from '../hosting/session-gate.js';

// The desktop host's sessions (ADR 0175): each window's web contents holds at most one, kept here
// in the main process and never handed to the page. A login in one window is that window's only;
// closing the window ends it (audited), as does a logout.

/** The part of a web contents the session keeping reads. */
export interface SessionHolder {
  readonly id: number;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface WindowSessions {
  /** Runs a call from `sender` as the caller of the session that window holds (none: signed out). */
  call(sender: SessionHolder, method: string, args: unknown): Promise<Result<unknown>>;
  /**
   * Whether app:// may serve stored files: Electron's protocol handler does not say which window
   * asks, so files are served while some window holds a live session (or accounts are off).
   */
  admitsAny(): boolean;
}

export function createWindowSessions(
  gate: SessionGate,
  onCloseError: (error: unknown) => void,
): WindowSessions {
  const held = new Map<number, string>();
  const watched = new Set<number>();

  const close = (session: string): void => {
    gate.close(session).catch(onCloseError);
  };

  /** The session goes with the window: on 'destroyed' it is ended and audited. */
  const watch = (sender: SessionHolder): void => {
    if (watched.has(sender.id)) return;
    watched.add(sender.id);
    sender.once('destroyed', () => {
      watched.delete(sender.id);
      const session = held.get(sender.id);
      held.delete(sender.id);
      if (session !== undefined) close(session);
    });
  };

  return {
    async call(sender, method, args) {
      const answer = await gate.call(method, args, held.get(sender.id) ?? null);
      if (sender.isDestroyed()) {
        // The window closed while the call ran (a login, say): nobody can use its session.
        held.delete(sender.id);
        if (answer.session !== null) close(answer.session);
      } else if (answer.session === null) {
        held.delete(sender.id);
      } else {
        watch(sender);
        held.set(sender.id, answer.session);
      }
      return answer.result;
    },
    admitsAny() {
      if (gate.admits(null)) return true;
      for (const session of held.values()) if (gate.admits(session)) return true;
      return false;
    },
  };
}
