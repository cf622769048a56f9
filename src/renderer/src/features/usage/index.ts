export { RateLimitWarning } from './components/RateLimitWarning';
export { UsageDialog } from './components/UsageDialog';
