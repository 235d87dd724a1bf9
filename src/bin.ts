#!/usr/bin/env node
import { run } from './cli/run.js';

// The only place that touches the process's exit code: everything else returns it.
process.exitCode = await run(process.argv.slice(2));
