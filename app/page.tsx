import { ModelList } from './_components/model-list';
import { MySessions } from './_components/my-sessions';

const STRATEGIES = [
  { name: 'Specialization', text: 'Deepen the cluster’s focus and integrity in one field.' },
  { name: 'Hubbing', text: 'Grow outward: ties with outside economic and innovation centres.' },
  { name: 'Integration', text: 'Link cluster firms with related industries for cross-industry innovation.' },
];

export default function HomePage() {
  return (
    <main>
      <h1>Clusterwise</h1>
      <p className="lead">
        Decision support for regional industrial-cluster policy. A facilitator sets up a decision; the cluster’s
        stakeholders (enterprises, government, science and education, finance, civil society) compare the criteria
        in pairs and score the options; the analytic hierarchy process turns their answers into a recommended
        regulation strategy and the support measures to start with, with consistency checks and group consensus.
      </p>

      <h2>The strategies it weighs</h2>
      <div className="grid">
        {STRATEGIES.map((strategy) => (
          <section className="card" key={strategy.name}>
            <h3>{strategy.name}</h3>
            <p className="muted">{strategy.text}</p>
          </section>
        ))}
      </div>

      <h2>Decision models</h2>
      <ModelList />

      <h2>Your sessions on this device</h2>
      <MySessions />
    </main>
  );
}
