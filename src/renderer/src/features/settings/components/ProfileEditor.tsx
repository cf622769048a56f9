import type { KeychainStatus, ProfileView } from '../../../../../shared/profiles';
import { providerKinds } from '../../../../../shared/providerKinds';
import { useProfileActions } from '../hooks/useProfileActions';
import { ApiKeyFields } from './ApiKeyFields';
import { GatewayFields } from './GatewayFields';
import { ProfileEndpointFields } from './ProfileEndpointFields';
import { ProfileFormFooter } from './ProfileFormFooter';
import { ProfileIdentityFields } from './ProfileIdentityFields';
import { PromptCachingSwitch } from './PromptCachingSwitch';
import { TimeoutFields } from './TimeoutFields';
import { WireApiField } from './WireApiField';
import type { ProfileFormState, SetField } from './profileForm';

interface ProfileEditorProps {
  form: ProfileFormState;
  onChange: (form: ProfileFormState) => void;
  saved: ProfileView | undefined;
  keychain: KeychainStatus;
  onSaved: (view: ProfileView) => void;
  onDeleted: () => void;
}

/** Edits one profile: fields refused by main show their message at the field. */
export function ProfileEditor({
  form,
  onChange,
  saved,
  keychain,
  onSaved,
  onDeleted,
}: ProfileEditorProps) {
  const actions = useProfileActions({ form, saved, onSaved, onDeleted });
  const kind = providerKinds[form.type];
  const set: SetField = (key, value) => onChange({ ...form, [key]: value });
  const section = { form, set, errors: actions.errors };

  return (
    <form
      aria-label={saved ? `Profile ${saved.name}` : 'New profile'}
      onSubmit={(e) => {
        e.preventDefault();
        void actions.save();
      }}
      className="flex flex-col gap-4"
    >
      <ProfileIdentityFields {...section} onChange={onChange} />
      <ProfileEndpointFields {...section} />
      {kind.wireApiChoice && <WireApiField value={form.api} onChange={(v) => set('api', v)} />}
      <ApiKeyFields
        {...section}
        saved={saved}
        keychain={keychain}
        sessionOnly={actions.sessionOnly}
        onSessionOnly={actions.setSessionOnly}
      />
      <TimeoutFields {...section} />
      {kind.promptCachingSwitch && (
        <PromptCachingSwitch
          checked={form.promptCaching}
          onChange={(v) => set('promptCaching', v)}
        />
      )}
      <GatewayFields {...section} onChange={onChange} />
      <ProfileFormFooter
        saved={saved}
        formError={actions.formError}
        report={actions.report}
        busy={actions.busy}
        onTest={() => void actions.test()}
        onSwitchApi={(api) => set('api', api)}
        onMakeDefault={() => void actions.makeDefault()}
        onDelete={actions.remove}
      />
    </form>
  );
}
