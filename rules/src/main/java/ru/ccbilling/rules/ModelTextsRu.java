package ru.ccbilling.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Russian of the model checks' and the compiler's messages, for the tariff manager who reads them. The checks
 * write English (their tests and the logs read it); each of their phrases has its Russian here, as a pattern over the
 * English, so that a message reads whole in Russian: «в модели тарифа нельзя: цикл `for` (…)». What the KIE engine
 * itself says (a FEEL or Java compile error) is quoted after a Russian lead-in, since its wording is the engine's.
 * {@code ModelTextsRuTest} runs the hostile models and the checks' phrases through it and finds no English left.
 */
public final class ModelTextsRu {

    /** the lead-in of an engine's own message, quoted as the engine wrote it */
    public static final String ENGINE = "Сообщение движка KIE (как его написал движок): ";

    private record Phrase(Pattern english, String russian) {
        static Phrase of(String regex, String russian) {
            return new Phrase(Pattern.compile(regex, Pattern.DOTALL), russian);
        }

        String apply(String text) {
            Matcher m = english.matcher(text);
            return m.matches() ? m.replaceFirst(russian) : null;
        }
    }

    /** whole messages besides the refusals */
    private static final List<Phrase> MESSAGES = List.of(
            Phrase.of("the rules cannot be read: (.*)", "правила не читаются: $1"),
            Phrase.of("the rules cannot be read", "правила не читаются"),
            Phrase.of("not a readable DMN document: (.*)", "документ DMN не читается: $1"),
            Phrase.of("decision tables do not compile: (.*)", "таблицы решений не компилируются: $1"),
            Phrase.of("decision (.+) is defined twice \\(also in (.+)\\)", "решение $1 определено дважды (ещё в $2)"),
            Phrase.of("the tariff defines no decision named (.+)", "в тарифе нет решения $1"),
            Phrase.of("the tariff has no DRL rule file", "в тарифе нет файла правил DRL"),
            Phrase.of("decision (.+) must give a number, not (.+)", "решение $1 должно давать число, а не $2"),
            Phrase.of("input (.+) of (.+) is not given by the rating engine; it gives (.*)",
                    "вход $1 решения $2 движок тарификации не передаёт; он передаёт $3"),
            Phrase.of("input (.+) of (.+) must be of type (.+), not undeclared",
                    "вход $1 решения $2 должен иметь тип $3, а тип не объявлен"),
            Phrase.of("input (.+) of (.+) must be of type (.+), not (.+)",
                    "вход $1 решения $2 должен иметь тип $3, а не $4"));

    /** what a refusal names (the construct) */
    private static final List<Phrase> CONSTRUCTS = List.of(
            Phrase.of("a construct the check cannot read \\((.*)\\)", "конструкция, которую проверка не может прочитать ($1)"),
            Phrase.of("a model of (\\d+) characters", "модель из $1 символов"),
            Phrase.of("a cell of (\\d+) characters \\(at most (\\d+)\\)", "ячейка из $1 символов (не больше $2)"),
            Phrase.of("the unicode escape \\\\u", "экранирование юникода \\\\u"),
            Phrase.of("(\\d+) rules", "правил: $1"),
            Phrase.of("the package (.*)", "пакет $1"),
            Phrase.of("the static or function import (.*)", "статический импорт или импорт функции $1"),
            Phrase.of("import accumulate (.*)", "импорт функции accumulate $1"),
            Phrase.of("import (.*)", "импорт $1"),
            Phrase.of("global (.*)", "глобальная переменная $1"),
            Phrase.of("function (.*)", "функция $1"),
            Phrase.of("declare entry-point", "объявление точки входа (entry-point)"),
            Phrase.of("declare window", "объявление окна (window)"),
            Phrase.of("declare enum (.*)", "объявление перечисления $1"),
            Phrase.of("declare (.*)", "объявление типа $1"),
            Phrase.of("unit (.*)", "модуль правил (unit) $1"),
            Phrase.of("query (.*)", "запрос (query) $1"),
            Phrase.of("the rule name", "имя правила"),
            Phrase.of("extends (.*)", "наследование правила (extends $1)"),
            Phrase.of("the annotation @(.*)", "аннотация @$1"),
            Phrase.of("a named consequence then\\[(.*)\\]", "именованное следствие then[$1]"),
            Phrase.of("(\\d+) patterns \\((\\d+) not under not/exists, (\\d+) on Line\\)",
                    "образцов: $1 (вне not/exists: $2, на Line: $3)"),
            Phrase.of("the attribute (.*)", "атрибут $1"),
            Phrase.of("the dialect \"(.*)\"", "диалект «$1»"),
            Phrase.of("eval", "условие eval"),
            Phrase.of("forall", "условие forall"),
            Phrase.of("accumulate", "условие accumulate"),
            Phrase.of("collect", "условие collect"),
            Phrase.of("from", "источник from"),
            Phrase.of("from entry-point", "источник from entry-point"),
            Phrase.of("from window", "источник from window"),
            Phrase.of("a conditional named consequence \\(if/do/break\\)", "условное именованное следствие (if/do/break)"),
            Phrase.of("the condition (.*)", "условие $1"),
            Phrase.of("a pattern without a fact type \\(OOPath\\)", "образец без типа факта (OOPath)"),
            Phrase.of("the fact type (.*)", "тип факта $1"),
            Phrase.of("a pattern source \\(the condition (.*)\\)", "источник образца (условие $1)"),
            Phrase.of("the query call (.*)", "вызов запроса $1"),
            Phrase.of("a sliding window", "скользящее окно"),
            Phrase.of("the binding (.*)", "привязка $1"),
            Phrase.of("the consequence", "следствие"),
            // the code of constraints and consequences (RuleCodeCheck, CodeTokens)
            Phrase.of("an unterminated comment", "незакрытый комментарий"),
            Phrase.of("an unterminated string", "незакрытая строка"),
            Phrase.of("a text block \"\"\"", "текстовый блок \"\"\""),
            Phrase.of("the escape \\\\(.?)", "экранирование \\\\$1"),
            Phrase.of("the number (.*)", "число $1"),
            Phrase.of("a lambda `->`", "лямбда `->`"),
            Phrase.of("a method reference `::`", "ссылка на метод `::`"),
            Phrase.of("member access `\\.`", "обращение к члену объекта `.`"),
            Phrase.of("a block or inline collection `(.)`", "блок или коллекция `$1`"),
            Phrase.of("an array or index `(.)`", "массив или индекс `$1`"),
            Phrase.of("an assignment `(.*)`", "присваивание `$1`"),
            Phrase.of("an MVEL cast `#`", "приведение типа MVEL `#`"),
            Phrase.of("an annotation or MVEL template `@`", "аннотация или шаблон MVEL `@`"),
            Phrase.of("the fully qualified name (.*)", "полное имя класса $1"),
            Phrase.of("the loop `(.*)`", "цикл `$1`"),
            Phrase.of("the statement `(.*)`", "оператор `$1`"),
            Phrase.of("`(\\w+)` \\(a rule only inserts lines\\)", "`$1` (правило только добавляет строки)"),
            Phrase.of("engine access `(.*)`", "доступ к движку `$1`"),
            Phrase.of("reflection `(.*)`", "рефлексия `$1`"),
            Phrase.of("the platform class `(.*)`", "класс платформы `$1`"),
            Phrase.of("the unbound variable `(.*)`", "несвязанная переменная `$1`"),
            Phrase.of("the name `(.*)`", "имя `$1`"),
            Phrase.of("a second `insert`", "второй `insert`"),
            Phrase.of("the factor (.*)", "множитель $1"),
            Phrase.of("the char literal (.*)", "символьный литерал $1"),
            Phrase.of("an incomplete statement", "незаконченный оператор"),
            // DMN (DmnModelCheck, FeelCellCheck)
            Phrase.of("a DOCTYPE declaration", "объявление DOCTYPE"),
            Phrase.of("the entity reference &(.*);", "ссылка на сущность &$1;"),
            Phrase.of("the element (\\S+) inside a text", "элемент $1 внутри текста"),
            Phrase.of("the diagram element (\\S+) outside DMNDI", "элемент диаграммы $1 вне DMNDI"),
            Phrase.of("a functionDefinition kind=\"(.*)\"", "определение функции (functionDefinition) вида «$1»"),
            Phrase.of("a functionDefinition", "определение функции (functionDefinition)"),
            Phrase.of("an external Java function \\(`function \\.\\.\\. external`\\)",
                    "внешняя функция Java (`function ... external`)"),
            Phrase.of("the function definition `function`", "определение функции `function`"),
            Phrase.of("the iteration `(.*)`", "перебор `$1`"),
            Phrase.of("an invocation `\\(` of a value", "вызов `(` значения"),
            Phrase.of("the function call `(.*)\\(`", "вызов функции `$1(`"),
            Phrase.of("a range `\\.\\.` outside an interval test", "диапазон `..` вне проверки интервала"),
            Phrase.of("a path `\\.` into a value", "путь `.` внутрь значения"),
            Phrase.of("a context `\\{`", "контекст `{`"),
            Phrase.of("exponentiation `\\*\\*`", "возведение в степень `**`"),
            Phrase.of("a business knowledge model", "модель бизнес-знаний (BKM)"),
            Phrase.of("a knowledge requirement \\(a call of a business knowledge model\\)",
                    "требование знаний (вызов модели бизнес-знаний)"),
            Phrase.of("a decision service", "сервис решений"),
            Phrase.of("an invocation", "вызов (invocation)"),
            Phrase.of("a context", "контекст"),
            Phrase.of("a context entry", "элемент контекста"),
            Phrase.of("a relation", "отношение (relation)"),
            Phrase.of("a list expression", "выражение-список"),
            Phrase.of("a literal expression", "литеральное выражение"),
            Phrase.of("a conditional expression", "условное выражение"),
            Phrase.of("a filter expression", "выражение-фильтр"),
            Phrase.of("an import", "импорт"),
            Phrase.of("a function type", "тип-функция"),
            Phrase.of("the element (\\S+)", "элемент $1"),
            Phrase.of("a (\\S+)", "элемент $1"),
            Phrase.of("(\\S+)=\"(.*)\"", "$1=\"$2\""),
            Phrase.of("(`.*`)", "$1"));

    /** why it is refused */
    private static final List<Phrase> REASONS = List.of(
            Phrase.of("only the documented DRL subset is allowed", "разрешено только описанное подмножество DRL"),
            Phrase.of("only decision tables are allowed", "разрешены только таблицы решений"),
            Phrase.of("a DRL model has at most (\\d+) rules", "в модели DRL не больше $1 правил"),
            Phrase.of("a DRL model has at most (\\d+)", "в модели DRL не больше $1 символов"),
            Phrase.of("a DMN model has at most (\\d+)", "в модели DMN не больше $1 символов"),
            Phrase.of("Java expands unicode escapes everywhere, even in comments and strings; write the character itself",
                    "Java раскрывает такие последовательности везде, даже в комментариях и строках; пишите сам символ"),
            Phrase.of("a model's package is its own, holding no classes, e\\.g\\. (.*)",
                    "пакет модели — свой, без классов, например $1"),
            Phrase.of("a model imports only (.*)", "модель импортирует только $1"),
            Phrase.of("accumulate functions run code", "функции accumulate исполняют код"),
            Phrase.of("a model calls only the helpers of Rounding", "модель вызывает только помощников Rounding"),
            Phrase.of("a constraint may name only the fields of its fact \\((.*)\\), bound variables and literals",
                    "ограничение называет только поля своего факта ($1), связанные переменные и литералы"),
            Phrase.of("globals hand Java objects to rules", "глобальные переменные передают правилам объекты Java"),
            Phrase.of("functions are Java code; use the helpers of Rounding",
                    "функции — это код Java; используйте помощников Rounding"),
            Phrase.of("a model uses the fact model of the engine", "модель пользуется фактами движка тарификации"),
            Phrase.of("no entry points", "точек входа нет"),
            Phrase.of("no windows", "окон нет"),
            Phrase.of("rule units are not used", "модули правил не используются"),
            Phrase.of("queries are not used", "запросы не используются"),
            Phrase.of("a rule name is plain text on one line", "имя правила — простой текст в одну строку"),
            Phrase.of("rules do not inherit", "правила не наследуются"),
            Phrase.of("annotations are not used", "аннотации не используются"),
            Phrase.of("a rule has one consequence", "у правила одно следствие"),
            Phrase.of("a rule has at most (\\d+) patterns, (\\d+) of them not under not/exists, and at most one on Line:"
                    + " matches multiply", "в правиле не больше $1 образцов, из них вне not/exists не больше $2, и не"
                    + " больше одного на Line: совпадения перемножаются"),
            Phrase.of("attributes are limited to (.*)", "разрешены только атрибуты $1"),
            Phrase.of("rules are written in the java dialect \\(mvel evaluates expressions at run time\\)",
                    "правила пишутся на диалекте java (mvel вычисляет выражения во время работы)"),
            Phrase.of("attribute values are literals", "значения атрибутов — литералы"),
            Phrase.of("a rule's conditions are patterns on the facts \\((.*)\\), with not, exists, and, or",
                    "условия правила — образцы на фактах ($1) с not, exists, and, or"),
            Phrase.of("rules match only (.*), by their simple names", "правила сопоставляют только $1, по простым именам"),
            Phrase.of("patterns match the facts the engine inserts, not the results of code",
                    "образцы сопоставляют факты, которые добавляет движок, а не результаты кода"),
            Phrase.of("windows are not used", "окна не используются"),
            Phrase.of("a bound variable is named \\$name", "связанная переменная называется \\$имя"),
            Phrase.of("a constraint compares fields with literals and bound variables",
                    "ограничение сравнивает поля с литералами и связанными переменными"),
            Phrase.of("a consequence is text", "следствие — это текст"),
            Phrase.of("`:` only binds a variable, as in `\\$d : durationSec`",
                    "`:` только связывает переменную, как в `\\$d : durationSec`"),
            Phrase.of("the code cannot be read safely", "код нельзя надёжно прочитать"),
            Phrase.of("numbers are plain decimals of up to 9 digits before and after the point \\(no hex, suffixes, exponents\\)",
                    "числа — простые десятичные, до 9 цифр до и после точки (без шестнадцатеричных, суффиксов и экспонент)"),
            Phrase.of("rules contain no code of their own", "в правилах нет собственного кода"),
            Phrase.of("a rule inserts at most one line", "правило добавляет не больше одной строки"),
            Phrase.of("a factor is a plain decimal such as \"0\\.5\"", "множитель — простое десятичное число, например \"0.5\""),
            Phrase.of("strings are written in double quotes", "строки пишутся в двойных кавычках"),
            Phrase.of("(\\S+) offers only (.*)", "$1 предлагает только $2"),
            Phrase.of("a consequence may only be insert\\(Line\\.<builder>\\(\\.\\.\\.\\)\\); with bound variables,"
                    + " literals, \\+ - \\* / %, Rounding\\.<helper>\\(\\.\\.\\.\\) and \\$rate\\.times\\(\"<factor>\"\\)",
                    "следствие — только insert(Line.<конструктор>(...)); со связанными переменными, литералами,"
                    + " + - * / %, Rounding.<помощник>(...) и \\$rate.times(\"<множитель>\")"),
            Phrase.of("a DTD can declare entities that read files", "DTD может объявить сущности, читающие файлы"),
            Phrase.of("only the XML built-in entities are allowed", "разрешены только встроенные сущности XML"),
            Phrase.of("a cell's text is plain FEEL", "текст ячейки — простой FEEL"),
            Phrase.of("a table cell is a FEEL unary test or a simple value",
                    "ячейка таблицы — унарная проверка FEEL или простое значение"),
            Phrase.of("a tariff model defines no functions or expressions besides its tables, in no namespace",
                    "модель тарифа не определяет функций и выражений, кроме своих таблиц, ни в каком пространстве имён"),
            Phrase.of("diagram elements belong to the diagram", "элементы диаграммы принадлежат диаграмме"),
            Phrase.of("outside extensionElements a model holds only DMN elements",
                    "вне extensionElements модель содержит только элементы DMN"),
            Phrase.of("a tariff model defines no functions; Java and PMML functions run platform code",
                    "модель тарифа не определяет функций: функции Java и PMML исполняют код платформы"),
            Phrase.of("the platform's decisions are decision tables: only tables, their cells and the requirements"
                    + " diagram are allowed", "решения платформы — таблицы решений: разрешены только таблицы, их ячейки"
                    + " и диаграмма требований"),
            Phrase.of("expressions are FEEL", "выражения пишутся на FEEL"));

    private static final String REFUSAL = "not allowed in a tariff model: ";
    private static final Pattern DMN_PLACE = Pattern.compile("(.*?)( in (\\S+))?( of decision (.+?))? at line (-?\\d+)");
    private static final Pattern DMN_NAMESPACE = Pattern.compile("(.*) of (\\S+)");
    private static final Pattern DMN_NO_NAMESPACE = Pattern.compile("(.*) without a namespace");

    private ModelTextsRu() { }

    /** the message in Russian; an engine's own message is quoted after {@link #ENGINE} */
    public static String russian(String english) {
        if (english == null) {
            return null;
        }
        String known = known(english);
        if (known != null) {
            return known;
        }
        return english.startsWith(REFUSAL) ? refusal(english.substring(REFUSAL.length()), false) : ENGINE + english;
    }

    /** the Russian when every phrase of the message is known here, else null (an engine's message, a new phrase) */
    static String known(String english) {
        if (english.startsWith(REFUSAL)) {
            return refusal(english.substring(REFUSAL.length()), true);
        }
        return first(MESSAGES, english);
    }

    /** "construct[ in element][ of decision d][ at line n] (why)"; strict: null when a part is unknown */
    private static String refusal(String rest, boolean strict) {
        int open = openingOfLastGroup(rest);
        String construct = open < 0 ? rest : rest.substring(0, open);
        String why = open < 0 ? null : rest.substring(open + 2, rest.length() - 1);
        String place = "";
        Matcher dmn = DMN_PLACE.matcher(construct);
        if (dmn.matches()) {
            construct = dmn.group(1);
            StringBuilder p = new StringBuilder();
            if (dmn.group(3) != null) {
                p.append(" в элементе ").append(dmn.group(3));
            }
            if (dmn.group(5) != null) {
                p.append(" решения ").append(dmn.group(5));
            }
            place = p.append(" в строке ").append(dmn.group(6)).toString();
        }
        String what = construct(construct);
        String reason = why == null ? null : first(REASONS, why);
        if (strict && (what == null || (why != null && reason == null))) {
            return null;
        }
        return "в модели тарифа нельзя: " + (what == null ? "«" + construct + "»" : what) + place
                + (why == null ? "" : " (" + (reason == null ? "«" + why + "»" : reason) + ")");
    }

    private static String construct(String english) {
        String known = first(CONSTRUCTS, english);
        if (known != null) {
            return known;
        }
        Matcher ns = DMN_NAMESPACE.matcher(english);   // "a business knowledge model of <namespace>"
        if (ns.matches()) {
            String inner = first(CONSTRUCTS, ns.group(1));
            if (inner != null) {
                return inner + " из пространства имён " + ns.group(2);
            }
        }
        Matcher none = DMN_NO_NAMESPACE.matcher(english);   // "a business knowledge model without a namespace"
        if (none.matches()) {
            String inner = first(CONSTRUCTS, none.group(1));
            if (inner != null) {
                return inner + " без пространства имён";
            }
        }
        return null;
    }

    private static String first(List<Phrase> phrases, String english) {
        for (Phrase p : phrases) {
            String r = p.apply(english);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /** where the final parenthesised group of a refusal starts (at its " ("), or -1 */
    private static int openingOfLastGroup(String text) {
        if (!text.endsWith(")")) {
            return -1;
        }
        int depth = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                depth--;
                if (depth == 0) {
                    return i > 0 && text.charAt(i - 1) == ' ' ? i - 1 : -1;
                }
            }
        }
        return -1;
    }
}
