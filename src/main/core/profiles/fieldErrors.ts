import { HandlerError, type FieldIssue } from '../../../shared/result';
import { ProfileValidationError } from './ProfileService';

export class ProfileValidationErrorAsHandler extends HandlerError {
  constructor(issues: FieldIssue[]) {
    super('invalid_request', issues[0]?.message ?? 'The profile is not valid.', issues);
  }
}

/** Field-level refusals cross IPC as invalid_request with `issues[].path`, like schema failures. */
export function fieldErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ProfileValidationError)
      throw new ProfileValidationErrorAsHandler(error.issues);
    throw error;
  }
}
