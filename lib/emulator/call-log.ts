/** The ordered log of every API call (`GET /__emulator/calls`). */
import { EmulatorCall } from './types';

/** Records calls in arrival order; an entry's `Code` is filled in when the answer is known. */
export class CallLog {
  private entries: EmulatorCall[] = [];

  /** Appends a call with `Code: null` and returns the entry to complete later. */
  start(action: string, params: Record<string, string>): EmulatorCall {
    const entry: EmulatorCall = { Action: action, Params: { ...params }, Code: null };
    this.entries.push(entry);
    return entry;
  }

  /** Copies of every entry, oldest first. */
  all(): EmulatorCall[] {
    return this.entries.map((entry) => ({ ...entry, Params: { ...entry.Params } }));
  }

  /** Forgets every entry; returns how many there were. */
  clear(): number {
    const count = this.entries.length;
    this.entries = [];
    return count;
  }
}
