import { StreamLanguage, type StreamParser } from '@codemirror/language';

/** Words of the Drools rule language (DRL) and the Java-like words of its consequences. */
const DRL_KEYWORDS = new Set([
  'package', 'import', 'function', 'global', 'declare', 'query', 'rule', 'when', 'then', 'end', 'extends',
  'attributes', 'salience', 'no-loop', 'lock-on-active', 'agenda-group', 'activation-group', 'ruleflow-group',
  'auto-focus', 'dialect', 'date-effective', 'date-expires', 'enabled', 'duration', 'timer', 'calendars',
  'not', 'exists', 'forall', 'from', 'collect', 'accumulate', 'eval', 'and', 'or', 'over', 'entry-point',
  'insert', 'insertLogical', 'modify', 'update', 'retract', 'delete', 'matches', 'memberOf', 'contains', 'in',
]);
const JAVA_KEYWORDS = new Set([
  'if', 'else', 'return', 'new', 'for', 'while', 'do', 'break', 'continue', 'switch', 'case', 'default',
  'try', 'catch', 'finally', 'throw', 'static', 'final', 'this', 'instanceof',
]);
const TYPES = new Set(['int', 'long', 'double', 'float', 'boolean', 'char', 'byte', 'short', 'void', 'String', 'BigDecimal']);
const ATOMS = new Set(['true', 'false', 'null']);

interface DrlState {
  inBlockComment: boolean;
}

export const drlParser: StreamParser<DrlState> = {
  name: 'drl',
  startState: () => ({ inBlockComment: false }),
  token(stream, state) {
    if (state.inBlockComment) {
      if (stream.skipTo('*/')) {
        stream.match('*/');
        state.inBlockComment = false;
      } else {
        stream.skipToEnd();
      }
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('//') || stream.match('#')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('/*')) {
      state.inBlockComment = true;
      return this.token!(stream, state);
    }
    const quote = stream.peek();
    if (quote === '"' || quote === "'") {
      stream.next();
      let escaped = false;
      let ch: string | void;
      while ((ch = stream.next()) !== undefined) {
        if (ch === quote && !escaped) break;
        escaped = !escaped && ch === '\\';
      }
      return 'string';
    }
    if (stream.match(/^\d+(\.\d+)?[lLdDfFbB]?/)) return 'number';
    if (stream.match(/^\$[\w$]+/)) return 'variableName.special';
    if (stream.match(/^@[\w-]+/)) return 'meta';
    // hyphenated attributes such as no-loop and agenda-group are single words in DRL
    const hyphenated = stream.match(/^[a-z]+(?:-[a-z]+)+/, false) as RegExpMatchArray | null;
    if (hyphenated && DRL_KEYWORDS.has(hyphenated[0])) {
      stream.match(hyphenated[0]);
      return 'keyword';
    }
    const word = stream.match(/^[A-Za-z_]\w*/) as RegExpMatchArray | null;
    if (word) {
      const w = word[0];
      if (DRL_KEYWORDS.has(w) || JAVA_KEYWORDS.has(w)) return 'keyword';
      if (TYPES.has(w)) return 'typeName';
      if (ATOMS.has(w)) return 'atom';
      if (/^[A-Z]/.test(w)) return 'className';
      return 'variableName';
    }
    if (stream.match(/^(==|!=|<=|>=|&&|\|\||[-+*/%<>=!:])/)) return 'operator';
    stream.next();
    return null;
  },
  languageData: {
    commentTokens: { line: '//', block: { open: '/*', close: '*/' } },
  },
};

/** Syntax colouring for DRL files in CodeMirror 6. */
export const drl = () => StreamLanguage.define(drlParser);
