import {
  Button,
  Checkbox,
  Dialog,
  Field,
  Heading,
  Label,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaderLevel } from '../../contracts/roster';
import type { Participant } from '../api';
import { participantFieldOfError, useAddParticipant, useUpdateParticipant } from '../participants';
import { ErrorAlert } from './error-alert';

const LEVELS: LeaderLevel[] = ['kommunalsjef', 'okonomisjef', 'enhetsleder', 'avdelingsleder', 'other'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

interface FormState {
  name: string;
  email: string;
  phone: string;
  title: string;
  level: LeaderLevel;
  sector: string;
  unit: string;
  location: string;
  gender: string;
  reportsToId: string;
  pinnedGroup: string;
  active: boolean;
}

const stateOf = (p: Participant | null): FormState => ({
  name: p?.name ?? '',
  email: p?.email ?? '',
  phone: p?.phone ?? '',
  title: p?.title ?? '',
  level: p?.level ?? 'other',
  sector: p?.sector ?? '',
  unit: p?.unit ?? '',
  location: p?.location ?? '',
  gender: p?.gender ?? '',
  reportsToId: p?.reportsTo?.id ?? '',
  pinnedGroup: p?.pinnedGroup ? String(p.pinnedGroup) : '',
  active: p?.active ?? true,
});

/**
 * Adds a participant (`participant` null) or edits one, in a modal dialog. Checks name, e-mail and
 * group before sending; the server's refusal (a taken e-mail, a reporting loop) goes on its field.
 */
export function ParticipantFormDialog({
  programmeId,
  participant,
  all,
  onDone,
  onCancel,
}: {
  programmeId: string;
  participant: Participant | null;
  all: readonly Participant[];
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [form, setForm] = useState<FormState>(() => stateOf(participant));
  const [checked, setChecked] = useState(false);
  const add = useAddParticipant(programmeId);
  const update = useUpdateParticipant(programmeId);
  const mutation = participant ? update : add;
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));

  const serverField = participantFieldOfError(mutation.error);
  const nameError =
    checked && form.name.trim() === '' ? t('participants.fieldErrors.nameRequired') : undefined;
  const emailError =
    serverField === 'email'
      ? mutation.error && 'code' in mutation.error && mutation.error.code === 'conflict'
        ? t('participants.fieldErrors.emailTaken')
        : t('participants.fieldErrors.emailInvalid')
      : checked && !EMAIL.test(form.email.trim())
        ? t('participants.fieldErrors.emailInvalid')
        : undefined;
  const groupError =
    checked && form.pinnedGroup.trim() !== '' && !/^[1-9]\d{0,3}$/.test(form.pinnedGroup.trim())
      ? t('participants.fieldErrors.groupInvalid')
      : undefined;
  const reportsToError =
    serverField === 'reportsToId' ? t('participants.fieldErrors.reportsToId') : undefined;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    mutation.reset();
    if (form.name.trim() === '') return nameRef.current?.focus();
    if (!EMAIL.test(form.email.trim())) return emailRef.current?.focus();
    if (form.pinnedGroup.trim() !== '' && !/^[1-9]\d{0,3}$/.test(form.pinnedGroup.trim())) return;
    const body = {
      name: form.name.trim(),
      email: form.email.trim(),
      phone: form.phone.trim() || null,
      title: form.title.trim() || null,
      level: form.level,
      sector: form.sector.trim() || null,
      unit: form.unit.trim() || null,
      location: form.location.trim() || null,
      gender: form.gender || null,
      reportsToId: form.reportsToId || null,
      pinnedGroup: form.pinnedGroup.trim() ? Number(form.pinnedGroup.trim()) : null,
      active: form.active,
    };
    const onError = (error: unknown) => {
      if (participantFieldOfError(error) === 'email') emailRef.current?.focus();
    };
    if (participant) {
      update.mutate({ participantId: participant.id, body }, { onSuccess: () => onDone(body.name), onError });
    } else {
      add.mutate(body, { onSuccess: () => onDone(body.name), onError });
    }
  };

  const leaders = all.filter((p) => p.id !== participant?.id);
  const genderOptions = ['female', 'male'];
  const customGender = form.gender && !genderOptions.includes(form.gender) ? form.gender : null;

  return (
    <Dialog
      open
      modal
      onClose={onCancel}
      closeButton={t('participants.close')}
      aria-labelledby={headingId}
      data-testid="participant-dialog"
      className="app-participant-dialog"
    >
      <Heading level={2} data-size="sm" id={headingId}>
        {participant ? t('participants.editTitle', { name: participant.name }) : t('participants.addTitle')}
      </Heading>
      <form className="app-form" onSubmit={submit} noValidate>
        {mutation.isError && !serverField ? <ErrorAlert error={mutation.error} /> : null}
        <div className="app-form__row">
          <Textfield
            ref={nameRef}
            label={t('participants.name')}
            name="name"
            value={form.name}
            onChange={(e) => set({ name: e.target.value })}
            error={nameError}
            required
            autoComplete="off"
          />
          <Textfield
            ref={emailRef}
            label={t('participants.email')}
            name="email"
            type="email"
            value={form.email}
            onChange={(e) => set({ email: e.target.value })}
            error={emailError}
            required
            autoComplete="off"
          />
          <Textfield
            label={t('participants.phone')}

            name="phone"
            type="tel"
            value={form.phone}
            onChange={(e) => set({ phone: e.target.value })}
            autoComplete="off"
          />
          <Textfield
            label={t('participants.jobTitle')}
            name="title"
            value={form.title}
            onChange={(e) => set({ title: e.target.value })}
          />
          <Field>
            <Label>{t('participants.level')}</Label>
            <Select
              name="level"
              value={form.level}
              onChange={(e) => set({ level: e.target.value as LeaderLevel })}
            >
              {LEVELS.map((l) => (
                <Select.Option key={l} value={l}>
                  {t(`levels.${l}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield
            label={t('participants.sector')}
            name="sector"
            value={form.sector}
            onChange={(e) => set({ sector: e.target.value })}
          />
          <Textfield
            label={t('participants.unit')}
            name="unit"
            value={form.unit}
            onChange={(e) => set({ unit: e.target.value })}
          />
          <Textfield
            label={t('participants.location')}
            name="location"
            value={form.location}
            onChange={(e) => set({ location: e.target.value })}
          />
          <Field>
            <Label>{t('participants.reportsTo')}</Label>
            <Select
              name="reportsToId"
              value={form.reportsToId}
              onChange={(e) => set({ reportsToId: e.target.value })}
              aria-invalid={reportsToError ? true : undefined}
            >
              <Select.Option value="">{t('participants.noLeader')}</Select.Option>
              {leaders.map((p) => (
                <Select.Option key={p.id} value={p.id}>
                  {p.name}
                </Select.Option>
              ))}
            </Select>
            {reportsToError ? <ValidationMessage>{reportsToError}</ValidationMessage> : null}
          </Field>
          <Field>
            <Label>{t('participants.gender')}</Label>
            <Select name="gender" value={form.gender} onChange={(e) => set({ gender: e.target.value })}>
              <Select.Option value="">{t('participants.genders.none')}</Select.Option>
              <Select.Option value="female">{t('participants.genders.female')}</Select.Option>
              <Select.Option value="male">{t('participants.genders.male')}</Select.Option>
              {customGender ? <Select.Option value={customGender}>{customGender}</Select.Option> : null}
            </Select>
          </Field>
          <Textfield
            label={t('participants.group')}
            name="pinnedGroup"
            inputMode="numeric"
            value={form.pinnedGroup}
            onChange={(e) => set({ pinnedGroup: e.target.value })}
            error={groupError}
          />
        </div>
        <Checkbox
          label={t('participants.activeLabel')}
          description={t('participants.activeHelp')}
          checked={form.active}
          onChange={(e) => set({ active: e.target.checked })}
        />
        <div className="app-form__actions">
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? t('participants.saving') : t('participants.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('participants.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
