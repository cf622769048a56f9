// Types for scripts/native-builds.mjs, so tests can drive it.
export const root: string;

export interface NativeBuilds {
  activeBinary: string;
  keepingNodeBuild<T>(work: () => Promise<T>): Promise<T>;
  electronBuild(arch?: string): Promise<string>;
  activateElectronBuild(): Promise<() => void>;
}

export function createNativeBuilds(
  projectRoot: string,
  options?: { rebuild?: (electronVersion: string, arch: string) => Promise<void> },
): NativeBuilds;

export const keepingNodeBuild: NativeBuilds['keepingNodeBuild'];
export const activateElectronBuild: NativeBuilds['activateElectronBuild'];
