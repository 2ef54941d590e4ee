/** A command used the wrong way: main prints the usage and exits with status 2. */
export class UsageError extends Error {}

/** The configuration (file or environment) is not usable: main prints why and exits with status 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
