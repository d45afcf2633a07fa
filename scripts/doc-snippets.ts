/**
 * Type-checks every TypeScript block of README.md and docs/ against the workspace sources, so
 * the examples people copy compile.
 *
 * A block opened with ```ts (or ```typescript) is a whole module: it imports what it uses
 * (`@praxis/*` resolves to the packages' sources) and may use top-level await. A block that
 * is deliberately a piece of something larger is opened with ```ts fragment and is skipped;
 * keep those rare.
 *
 *   node --import tsx scripts/doc-snippets.ts   # prints each error as file:line and exits 1
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** One ```ts block: where it is and its code. */
export interface Snippet {
  /** The Markdown file, relative to the repository root. */
  readonly file: string;
  /** The line of the block's first code line in that file (1-based). */
  readonly line: number;
  readonly code: string;
}

/** The ```ts blocks of one Markdown text that are not marked `fragment`. */
export const snippetsOf = (file: string, markdown: string): Snippet[] => {
  const out: Snippet[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(ts|typescript)(\s+.*)?$/.exec(lines[i]!);
    if (open === null) continue;
    const fragment = /\bfragment\b/.test(open[3] ?? '');
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end++;
    if (!fragment) out.push({ file, line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return out;
};

/** README.md and every Markdown file under docs/. */
export const markdownFiles = (): string[] => {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.md') ? [join(dir, d.name)] : [],
    );
  return ['README.md', ...walk('docs')];
};

/** One compile error in a snippet, placed in its Markdown file. */
export interface SnippetError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/**
 * Type-checks snippets with the workspace's compiler options (strict, NodeNext, `@praxis/*`
 * paths), each as its own module. Resolves to the errors, empty when every block compiles.
 */
export const checkSnippets = (snippets: readonly Snippet[]): SnippetError[] => {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  // Virtual files beside the sources, so imports resolve as they would in the repository.
  const virtual = new Map(
    snippets.map((s, i) => [
      join(root, 'docs', `.snippet-${i}.ts`),
      { snippet: s, code: `${s.code}\nexport {};\n` },
    ]),
  );
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, noUnusedLocals: false };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => virtual.get(f)?.code ?? readFile(f);
  host.fileExists = (f) => virtual.has(f) || fileExists(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, ...rest) => {
    const v = virtual.get(f);
    return v === undefined ? getSourceFile(f, lang, ...rest) : ts.createSourceFile(f, v.code, lang, true);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const errors: SnippetError[] = [];
  for (const [path, { snippet }] of virtual) {
    const source = program.getSourceFile(path)!;
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    for (const d of diagnostics) {
      const at = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line;
      errors.push({
        file: snippet.file,
        line: snippet.line + at,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      });
    }
  }
  return errors;
};

/** Every snippet of README.md and docs/. */
export const allSnippets = (): Snippet[] =>
  markdownFiles().flatMap((f) => snippetsOf(f, readFileSync(join(root, f), 'utf8')));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const snippets = allSnippets();
  const errors = checkSnippets(snippets);
  for (const e of errors)
    console.log(`${relative(process.cwd(), join(root, e.file))}:${e.line}: ${e.message}`);
  console.log(`${snippets.length} TypeScript blocks, ${errors.length} errors`);
  if (errors.length > 0) process.exit(1);
}
