import 'server-only';
import type { CombinedDataTransformer } from '@trpc/server';
import superjson from 'superjson';

import { isSharedResult } from '~/server/lib/coalesced-read';
import { checkUntrustedEnvelope } from './input-guard';

type Serialized = ReturnType<typeof superjson.serialize>;

const serializedOnce = new WeakMap<object, Serialized>();

/**
 * superjson both ways, as the client expects. Inputs are checked first (checkUntrustedEnvelope): superjson's own
 * recursive copy would overflow on deep nesting and silently turn a `__proto__` key into a prototype. A result that one computation handed to several callers (three
 * dashboards of a room read the same one) is serialized once for all their responses.
 */
export const transformer: CombinedDataTransformer = {
  input: {
    serialize: superjson.serialize,
    deserialize(value: unknown) {
      checkUntrustedEnvelope(value);
      return superjson.deserialize(value as Serialized);
    },
  },
  output: {
    serialize(value: unknown) {
      if (!isSharedResult(value)) return superjson.serialize(value);
      let serialized = serializedOnce.get(value);
      if (!serialized) serializedOnce.set(value, (serialized = superjson.serialize(value)));
      return serialized;
    },
    deserialize: superjson.deserialize,
  },
};
