export { CompareDialog } from './components/CompareDialog';
