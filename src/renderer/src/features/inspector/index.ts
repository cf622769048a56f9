export { InspectorDialog } from './components/InspectorDialog';
