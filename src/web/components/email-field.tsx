import { Textfield } from '@digdir/designsystemet-react';
import type { ComponentProps, Ref } from 'react';

type TextfieldProps = ComponentProps<typeof Textfield>;

/**
 * An e-mail input as every form here wants it: the e-mail keyboard, no spell-check, required,
 * and a plain string value. Only what differs (label, autocomplete, value, error) is passed in.
 */
export function EmailField(props: {
  ref?: Ref<HTMLInputElement>;
  label: string;
  autoComplete: 'username' | 'email' | 'off';
  value: string;
  onChange: (value: string) => void;
  error?: TextfieldProps['error'];
}) {
  return (
    <Textfield
      ref={props.ref}
      label={props.label}
      type="email"
      name="email"
      autoComplete={props.autoComplete}
      inputMode="email"
      spellCheck={false}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={props.error}
      required
    />
  );
}
