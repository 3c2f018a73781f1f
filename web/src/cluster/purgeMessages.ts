/**
 * The IPC messages that carry a purge between renderer processes, and their type guards.
 * A worker that received a purge asks the primary to relay it; the primary asks every
 * other worker to apply it, collects their confirmations and answers the first worker.
 *
 *   worker A -> primary   purge-request  { id, order }
 *   primary  -> worker B  purge-apply    { id, order }
 *   worker B -> primary   purge-applied  { id, pages }
 *   primary  -> worker A  purge-relayed  { id, pages, workers }
 */
import type { PurgeOrder } from '../cache/PageCache';

export interface PurgeRequestMessage {
  readonly type: 'pydotorg:purge-request';
  readonly id: number;
  readonly order: PurgeOrder;
}

export interface PurgeApplyMessage {
  readonly type: 'pydotorg:purge-apply';
  readonly id: number;
  readonly order: PurgeOrder;
}

export interface PurgeAppliedMessage {
  readonly type: 'pydotorg:purge-applied';
  readonly id: number;
  readonly pages: number;
}

export interface PurgeRelayedMessage {
  readonly type: 'pydotorg:purge-relayed';
  readonly id: number;
  /** Pages marked stale by the other workers. */
  readonly pages: number;
  /** Other workers that confirmed. */
  readonly workers: number;
}

export function isPurgeRequest(message: unknown): message is PurgeRequestMessage {
  return hasType(message, 'pydotorg:purge-request') && isPurgeOrder(message['order']) && typeof message['id'] === 'number';
}

export function isPurgeApply(message: unknown): message is PurgeApplyMessage {
  return hasType(message, 'pydotorg:purge-apply') && isPurgeOrder(message['order']) && typeof message['id'] === 'number';
}

export function isPurgeApplied(message: unknown): message is PurgeAppliedMessage {
  return hasType(message, 'pydotorg:purge-applied') && typeof message['id'] === 'number' && typeof message['pages'] === 'number';
}

export function isPurgeRelayed(message: unknown): message is PurgeRelayedMessage {
  return (
    hasType(message, 'pydotorg:purge-relayed') &&
    typeof message['id'] === 'number' &&
    typeof message['pages'] === 'number' &&
    typeof message['workers'] === 'number'
  );
}

function hasType(message: unknown, type: string): message is Record<string, unknown> {
  return typeof message === 'object' && message !== null && (message as Record<string, unknown>)['type'] === type;
}

function isPurgeOrder(value: unknown): value is PurgeOrder {
  if (typeof value !== 'object' || value === null) return false;
  const order = value as Record<string, unknown>;
  return isStringArray(order['keys']) && isStringArray(order['paths']) && typeof order['all'] === 'boolean';
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
