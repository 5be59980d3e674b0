// A fake back end for component tests: answers commands from a table and
// records every call so tests can assert the exact arguments sent.
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";

type Args = Record<string, unknown>;
export type Handler = (args: Args) => unknown;

export type FakeBackend = {
  /** Arguments of every call to `command`, in order. */
  callsTo: (command: string) => Args[];
  /** Replaces (or adds) the answer to a command. */
  on: (command: string, handler: Handler) => void;
};

export function fakeBackend(handlers: Record<string, Handler>): FakeBackend {
  const table = new Map(Object.entries(handlers));
  const calls: { command: string; args: Args }[] = [];
  // The webview label lets getCurrentWebview() work; events are delivered in-process.
  mockWindows("main");
  mockIPC(
    (command, payload) => {
      const args = (payload ?? {}) as Args;
      calls.push({ command, args });
      const handler = table.get(command);
      if (!handler) throw new Error(`the fake back end has no answer for ${command}`);
      return handler(args);
    },
    { shouldMockEvents: true },
  );
  return {
    callsTo: (command) => calls.filter((c) => c.command === command).map((c) => c.args),
    on: (command, handler) => table.set(command, handler),
  };
}

/** A rejection the way the Rust commands send one. */
export function apiError(kind: string, message: string): never {
  throw { kind, message };
}
