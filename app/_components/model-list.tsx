'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../_trpc/client';

export function ModelList() {
  const trpc = useTRPC();
  const models = useQuery(trpc.catalogue.models.queryOptions());
  if (models.isPending) return <p className="muted">Loading the decision models…</p>;
  if (models.isError) return <p className="muted">The decision models could not be loaded: {models.error.message}</p>;
  return (
    <div className="grid">
      {models.data.map((model) => (
        <section className="card" key={`${model.key}-${model.version}`}>
          <h3>{model.name.en}</h3>
          <p className="muted">{model.description.en}</p>
          <p className="muted">
            {model.criteriaCount} criteria · {model.strategies.length} strategies · version {model.version}
          </p>
        </section>
      ))}
    </div>
  );
}
