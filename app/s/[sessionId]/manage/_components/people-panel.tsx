'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmDialog } from '~/app/_components/confirm-dialog';
import { CopyField } from '~/app/_components/copy-field';
import { useServerErrorText } from '~/app/_components/use-error-text';
import { TableScroll } from '~/app/_components/table-scroll';
import { useTRPC } from '~/app/_trpc/client';
import styles from './manage.module.css';

type Person = { id: string; key: string; displayName: string; stakeholderGroup: string };

/** Who joined, with a new personal link for someone who lost theirs and removal (with their answers). */
export function PeoplePanel({ sessionId, isClosed }: { sessionId: string; isClosed: boolean }) {
  const t = useTranslations('manage.people');
  const tGroups = useTranslations('common.stakeholderGroups');
  const format = useFormatter();
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const people = useQuery(trpc.participant.list.queryOptions({ sessionId }));
  const remove = useMutation(trpc.participant.remove.mutationOptions());
  const resetLink = useMutation(trpc.participant.resetLink.mutationOptions());
  const [removing, setRemoving] = useState<Person | null>(null);
  const [newLink, setNewLink] = useState<{ person: Person; url: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState('');

  const issueLink = async (person: Person) => {
    setProblem(null);
    try {
      const issued = await resetLink.mutateAsync({ sessionId, participantId: person.id });
      setNewLink({ person, url: `${window.location.origin}${issued.path}` });
      requestAnimationFrame(() => document.getElementById('new-link')?.focus());
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const confirmRemoval = async () => {
    const person = removing;
    setRemoving(null);
    if (!person) return;
    setProblem(null);
    try {
      await remove.mutateAsync({ sessionId, participantId: person.id });
      if (newLink?.person.id === person.id) setNewLink(null);
      setDone(t('removedDone', { name: person.displayName }));
      await people.refetch();
      document.getElementById('people-heading')?.focus();
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const rows = people.data ?? [];
  return (
    <section className={`card ${styles.section}`} aria-labelledby="people-heading">
      <h2 id="people-heading" tabIndex={-1}>
        {t('title')} <span className="muted">({rows.length})</span>
      </h2>
      <p className="muted">{t('intro')}</p>
      {people.isError ? (
        <p className="error" role="alert">
          {errorText(people.error)}
        </p>
      ) : rows.length === 0 ? (
        <p>{people.isPending ? t('loading') : t('none')}</p>
      ) : (
        <TableScroll label={t('caption')}>
          <table className="data">
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('group')}</th>
                <th scope="col" className="number">
                  {t('answered')}
                </th>
                <th scope="col">{t('joined')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((person) => (
                <tr key={person.id}>
                  <th scope="row">{person.displayName}</th>
                  <td>{tGroups(person.stakeholderGroup)}</td>
                  <td className="number">{t('progress', { answered: person.progress.answered, required: person.progress.required })}</td>
                  <td>{format.dateTime(person.joinedAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td>
                    <div className={styles.cellActions}>
                      <button type="button" className="button" onClick={() => void issueLink(person)} disabled={resetLink.isPending}>
                        {t('newLink')}
                        <span className="visually-hidden"> ({person.displayName})</span>
                      </button>
                      <button type="button" className="button danger" onClick={() => setRemoving(person)} disabled={isClosed}>
                        {t('remove')}
                        <span className="visually-hidden"> ({person.displayName})</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {isClosed && rows.length > 0 ? <p className="hint">{t('closedHint')}</p> : null}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      {newLink ? (
        <div className={styles.newLink}>
          <CopyField
            id="new-link"
            label={t('newLinkLabel', { name: newLink.person.displayName })}
            hint={t('newLinkHint')}
            value={newLink.url}
            copyLabel={t('copyLink')}
          />
        </div>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {done}
      </p>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('removeTitle', { name: removing.displayName }) : ''}
        body={t('removeBody')}
        confirmLabel={t('remove')}
        onConfirm={() => void confirmRemoval()}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
}
