/**
 * The three block tags of the letter templates (`heading`, `standard`, `free`; syntax in
 * src/shared/letters/manifest.ts). A block does not print: it renders its body and hands it to the
 * render's collector, so the block structure comes from the template alone. A field value cannot
 * open or close a block, and a caseworker's text can never turn into locked standard text.
 */
import { evalQuotedToken, Tag, TypeGuards, type Context, type Liquid, type Parser, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import type { LetterBlock } from '../../shared/letters/blocks';

/** The register of a render's Context that holds its collector; not reachable from a template. */
const collectorKey = 'werkbank.letterBlocks';

/** What one render collects, in template order. */
export interface BlockCollector {
  blocks: LetterBlock[];
  names: Set<string>;
  /** The name of the block being rendered: blocks do not nest. */
  open: string | null;
  /** Free blocks that rendered empty, with the index in `blocks` they stand before: the editor still offers them. */
  emptyFree: FreeSlot[];
}

/** Where an empty free block goes: before `blocks[at]` (or at the end). */
export interface FreeSlot {
  block: string;
  at: number;
}

export function newCollector(): BlockCollector {
  return { blocks: [], names: new Set(), open: null, emptyFree: [] };
}

/** Attaches a collector to the Context a render will run in. */
export function attachCollector(context: Context, collector: BlockCollector): void {
  context.setRegister(collectorKey, collector);
}

type BlockKind = 'heading' | 'standard' | 'free';

function blockTag(kind: BlockKind) {
  return class extends Tag {
    private readonly templates: Template[] = [];
    private readonly blockName: string;
    private readonly keepLines: boolean;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remainTokens, liquid);
      const quoted = this.tokenizer.readQuoted();
      if (!quoted) throw this.tokenizer.error(`${kind} needs a quoted block name: {% ${kind} "name" %}`);
      this.blockName = evalQuotedToken(quoted);
      if (!/^[a-z][a-z0-9_]{0,63}$/.test(this.blockName)) throw this.tokenizer.error(`block name "${this.blockName}" must be lower case letters, digits and _`);
      this.tokenizer.skipBlank();
      const option = this.tokenizer.readIdentifier().content;
      if (option !== '' && option !== 'lines') throw this.tokenizer.error(`unknown option "${option}" of ${kind} (only "lines")`);
      this.keepLines = option === 'lines';
      this.tokenizer.skipBlank();
      if (!this.tokenizer.end()) throw this.tokenizer.error(`unexpected text after the name of ${kind} "${this.blockName}"`);
      while (remainTokens.length > 0) {
        const next = remainTokens.shift();
        if (!next) break;
        if (TypeGuards.isTagToken(next) && next.name === `end${kind}`) return;
        this.templates.push(parser.parseToken(next, remainTokens));
      }
      throw new Error(`${kind} "${this.blockName}" is not closed with {% end${kind} %}`);
    }

    *render(context: Context): Generator<unknown, void, string> {
      const collector = context.getRegister<BlockCollector | undefined>(collectorKey);
      if (!collector) throw new Error('letter blocks render only through renderLetterSource');
      if (collector.open) throw new Error(`${kind} "${this.blockName}" is inside "${collector.open}": blocks do not nest`);
      if (collector.names.has(this.blockName)) throw new Error(`block name "${this.blockName}" is used twice`);
      collector.names.add(this.blockName);
      collector.open = this.blockName;
      const body: string = yield this.liquid.renderer.renderTemplates(this.templates, context);
      collector.open = null;
      const type = kind === 'heading' ? 'heading' : 'paragraph';
      const texts = paragraphs(body, this.keepLines);
      if (kind === 'free' && texts.length === 0) collector.emptyFree.push({ block: this.blockName, at: collector.blocks.length });
      for (const text of texts) {
        collector.blocks.push({ type, block: this.blockName, standard: kind !== 'free', text });
      }
    }
  };
}

/**
 * The paragraphs of a block's text. Prose: a blank line separates paragraphs, other whitespace is
 * one space. Lines: one paragraph whose non-empty lines are kept, trimmed.
 */
export function paragraphs(body: string, keepLines: boolean): string[] {
  if (keepLines) {
    // Trimmed only: an address keeps the two spaces between postcode and town ("2514 EA  DEN HAAG").
    const lines = body.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    return lines.length > 0 ? [lines.join('\n')] : [];
  }
  return body.split(/\n[ \t]*\n/).map((part) => part.replace(/\s+/g, ' ').trim()).filter((part) => part !== '');
}

/** A tag a letter template may not use: refused when the template is parsed. */
function refusedTag(name: string, why: string) {
  return class extends Tag {
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      throw new Error(`{% ${name} %} is not allowed in a letter template: ${why}`);
    }

    render(): void {
      // Never reached: the constructor refuses the tag.
    }
  };
}

/**
 * Registers the block tags on an engine, and refuses the tags that read other files: a template is
 * one self-contained file, versioned as a whole, so an old letter renders again as it was sent.
 */
export function registerBlockTags(liquid: Liquid): void {
  for (const kind of ['heading', 'standard', 'free'] as const) liquid.registerTag(kind, blockTag(kind));
  for (const name of ['include', 'render', 'layout', 'block']) liquid.registerTag(name, refusedTag(name, 'a template is one self-contained file'));
}
