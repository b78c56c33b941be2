import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ImportSessionForm } from './_components/import-session-form';
import { JoinRoomEntry } from './_components/join-room-entry';
import { MySessions } from './_components/my-sessions';
import styles from './landing.module.css';

const STEPS = ['setUp', 'answer', 'decide'] as const;

export default async function HomePage() {
  const t = await getTranslations('landing');
  const tReport = await getTranslations('report.import');
  return (
    <main>
      <section className={styles.hero} aria-labelledby="landing-title">
        <h1 id="landing-title">{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
        <div className="actions">
          <Link className="button primary" href="/new">
            {t('start')}
          </Link>
          <a className="button" href="#saved-sessions">
            {t('openSaved')}
          </a>
        </div>
      </section>

      <section className={`card ${styles.joinRoom}`}>
        <JoinRoomEntry />
      </section>

      <section aria-labelledby="how-title">
        <h2 id="how-title">{t('how.title')}</h2>
        <ol className={styles.steps}>
          {STEPS.map((step) => (
            <li key={step} className="card">
              <h3>{t(`how.${step}.title`)}</h3>
              <p className="muted">{t(`how.${step}.text`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="saved-sessions">
        <h2 id="saved-sessions" tabIndex={-1}>
          {t('saved.title')}
        </h2>
        <p className="muted">{t('saved.hint')}</p>
        <MySessions />
      </section>

      <section aria-labelledby="import-title">
        <h2 id="import-title">{tReport('title')}</h2>
        <ImportSessionForm />
      </section>
    </main>
  );
}
