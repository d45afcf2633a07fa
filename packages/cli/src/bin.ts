#!/usr/bin/env node
import { main } from './main.js';

/** The `praxis` command. */
process.exitCode = await main(process.argv.slice(2));
