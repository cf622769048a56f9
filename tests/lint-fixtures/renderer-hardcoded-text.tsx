// lint-as: src/renderer/src/features/sidebar/components/Fixture.tsx
// Words typed into the page instead of taken from a catalogue: the languages rule fails each.
export function Hardcoded() {
  return (
    <button type="button" aria-label="Close the dialog" title={'Close'}>
      Close
    </button>
  );
}
