export { CompareDialog } from './components/CompareDialog';
export { subscribeToCompare } from './store/compareStore';
