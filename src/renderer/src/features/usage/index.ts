export { RateLimitWarning } from './components/RateLimitWarning';
export { UsageDialog } from './components/UsageDialog';
export { subscribeToRateLimits } from './store/rateLimitStore';
