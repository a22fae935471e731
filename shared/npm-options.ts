// Detects command-line options that npm kept for itself because they came before `--`.
//
// `npm run lesson 03 --deterministic` does not pass `--deterministic` to the script: npm 11
// treats it as an unknown npm config, warns `Unknown cli config "--deterministic"` and exports
// `npm_config_deterministic=true` instead. What npm 11.19 exports, by experiment:
//   --speed=10       npm_config_speed=10
//   --speed 10       npm_config_speed=true, and `10` becomes an argument of the script
//   --ramp-steps=2   npm_config_ramp_steps=2
//   --no-time        npm_config_time set to an empty string
// `--lang ja` and `--help` never reach the environment, because npm reads `--lang` as a group of
// its own short flags and prints its own help for `--help`. Browser-safe.

/** The type of one option of a CLI, as `node:util` parseArgs declares it. */
export interface CliOptionType {
  type: 'string' | 'boolean';
}

/**
 * Option names that npm defines as its own configs. Their `npm_config_*` variable cannot show
 * whether the user meant the CLI, because npm sets `npm_config_yes` on every run and `json` may
 * come from an `.npmrc`.
 * NOTE: `npm run reset 03 --yes` therefore goes undetected, and reset requests confirmation.
 */
const NPM_OWN_CONFIGS = new Set(['json', 'yes']);

/** Placeholder for a value that npm passed on as a separate argument. */
const VALUE_PLACEHOLDER = 'VALUE';

function environmentName(option: string): string {
  return `npm_config_${option.replaceAll('-', '_')}`;
}

function appearsIn(argv: readonly string[], option: string): boolean {
  return argv.some((arg) => arg === `--${option}` || arg.startsWith(`--${option}=`));
}

/** Quotes a value for the shell when it contains whitespace or quotes. */
function shellWord(value: string): string {
  return /[\s"'\\$`]/.test(value) ? `'${value.replaceAll("'", `'\\''`)}'` : value;
}

/**
 * Returns the options that npm took as its own configs, written as they belong after `--`
 * (`--deterministic`, `--speed 10`, `--speed VALUE` when npm passed the value on as an argument).
 * An option that also appears in `argv` reached the CLI, so it is not returned.
 */
export function findOptionsTakenByNpm(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  options: Readonly<Record<string, CliOptionType>>,
): string[] {
  const taken: string[] = [];
  for (const [option, { type }] of Object.entries(options)) {
    if (NPM_OWN_CONFIGS.has(option) || appearsIn(argv, option)) continue;

    const value = env[environmentName(option)];
    // npm exports `--no-time` as an empty `npm_config_time`, the way it negates its own configs.
    const negated = option.startsWith('no-') && env[environmentName(option.slice(3))] === '';
    if (negated) {
      taken.push(`--${option}`);
      continue;
    }

    // An empty value means `--no-<option>`, which only restates the default, so it is ignored.
    if (value === undefined || value === '') continue;
    if (type === 'boolean') taken.push(`--${option}`);
    else taken.push(`--${option} ${value === 'true' ? VALUE_PLACEHOLDER : shellWord(value)}`);
  }
  return taken;
}

/** Returns the `npm run` command line with the options after `--`, e.g. `npm run lesson 03 -- --step`. */
export function npmRunCommand(script: string, args: readonly string[], options: readonly string[]) {
  return ['npm run', script, ...args, '--', ...options].join(' ');
}
