/**
 * Russian for the dmn-js decision-table editor: dmn-js asks its `translate` service for every text it shows
 * ("When", "Then", "Hit policy:", the context menus); this module answers in the UI's language. A text missing here
 * stays English rather than breaking the editor.
 */
const RU: Record<string, string> = {
  When: 'Если',
  Then: 'То',
  And: 'И',
  Annotation: 'Примечание',
  Annotations: 'Примечания',
  'Hit policy': 'Политика срабатывания',
  'Hit policy:': 'Политика срабатывания:',
  'Decision name': 'Название решения',
  'Decision name: ': 'Название решения: ',
  'View DRD': 'Показать схему решений',
  'Add rule': 'Добавить строку',
  'Add rule above': 'Добавить строку выше',
  'Add rule below': 'Добавить строку ниже',
  'Remove rule': 'Удалить строку',
  'Copy rule': 'Копировать строку',
  'Cut rule': 'Вырезать строку',
  'Paste rule above': 'Вставить строку выше',
  'Paste rule below': 'Вставить строку ниже',
  'Move rule': 'Переместить строку',
  'Add input': 'Добавить условие',
  'Add output': 'Добавить результат',
  'Add input column left': 'Добавить условие слева',
  'Add input column right': 'Добавить условие справа',
  'Add output column left': 'Добавить результат слева',
  'Add output column right': 'Добавить результат справа',
  'Remove input column': 'Удалить столбец условия',
  'Remove output column': 'Удалить столбец результата',
  'Copy input column': 'Копировать столбец условия',
  'Copy output column': 'Копировать столбец результата',
  'Cut input column': 'Вырезать столбец условия',
  'Cut output column': 'Вырезать столбец результата',
  'Paste input column left': 'Вставить столбец условия слева',
  'Paste input column right': 'Вставить столбец условия справа',
  'Paste output column left': 'Вставить столбец результата слева',
  'Paste output column right': 'Вставить столбец результата справа',
  'Add cell description': 'Добавить описание ячейки',
  'Remove cell description': 'Удалить описание ячейки',
  Input: 'Условие',
  Output: 'Результат',
  'Input label': 'Название условия',
  'Input label: ': 'Название условия: ',
  'Input expression': 'Выражение условия',
  'Input expression: ': 'Выражение условия: ',
  'Input type': 'Тип условия',
  'Input values': 'Значения условия',
  'Output label': 'Название результата',
  'Output label: ': 'Название результата: ',
  'Output name': 'Имя результата',
  'Output name: ': 'Имя результата: ',
  'Output type': 'Тип результата',
  'Output values': 'Значения результата',
  'Edit input': 'Изменить условие',
  'Edit output': 'Изменить результат',
  Edit: 'Изменить',
  Expression: 'Выражение',
  'Enter expression': 'Введите выражение',
  'Expression language': 'Язык выражений',
  'Expression language: {expressionLanguageLabel}': 'Язык выражений: {expressionLanguageLabel}',
  'Change cell expression language': 'Сменить язык выражения ячейки',
  'Editing not supported for set expression language': 'Для этого языка выражений редактирование недоступно',
  Type: 'Тип',
  'Test type': 'Вид проверки',
  Value: 'Значение',
  Values: 'Значения',
  'No values': 'Нет значений',
  'Add values': 'Добавить значения',
  'Predefined values': 'Допустимые значения',
  'Add predefined values': 'Задать допустимые значения',
  'Clear predefined values': 'Очистить допустимые значения',
  'Custom values': 'Свои значения',
  'Strings must be in double quotes': 'Строки записываются в двойных кавычках',
  'String value': 'Строка',
  'Edit string': 'Изменить строку',
  'Boolean value': 'Логическое значение',
  'Edit boolean': 'Изменить логическое значение',
  Yes: 'Да',
  No: 'Нет',
  'Edit number': 'Изменить число',
  Comparison: 'Сравнение',
  'Comparison operator': 'Оператор сравнения',
  Equals: 'Равно',
  Less: 'Меньше',
  'Less or equals': 'Меньше или равно',
  Greater: 'Больше',
  'Greater or equals': 'Больше или равно',
  Range: 'Диапазон',
  'Range start operator': 'Начало диапазона',
  'Range end operator': 'Конец диапазона',
  'Range start value': 'Начальное значение',
  'Range end value': 'Конечное значение',
  'Start value': 'Начальное значение',
  'End value': 'Конечное значение',
  Include: 'Включая',
  Exclude: 'Не включая',
  'Match one': 'Одно из',
  'Match none': 'Ни одно из',
  Exactly: 'Точно',
  Before: 'До',
  After: 'После',
  Between: 'Между',
  Date: 'Дата',
  'Date value': 'Дата',
  'Edit date': 'Изменить дату',
  'Set date': 'Задать дату',
  'Use today': 'Сегодня',
  'Start date': 'Дата начала',
  'End date': 'Дата окончания',
  'Edit start date': 'Изменить дату начала',
  'Edit end date': 'Изменить дату окончания',
  Time: 'Время',
  'Time value': 'Время',
  'Edit time': 'Изменить время',
  'Set time': 'Задать время',
  'Start time': 'Время начала',
  'End time': 'Время окончания',
  'Edit start time': 'Изменить время начала',
  'Edit end time': 'Изменить время окончания',
  'Date and time': 'Дата и время',
  'Date and time value': 'Дата и время',
  'Edit date and time': 'Изменить дату и время',
  'Set date and time': 'Задать дату и время',
  'Use now': 'Сейчас',
  'Start date and time': 'Начало',
  'End date and time': 'Окончание',
  'Edit start date and time': 'Изменить начало',
  'Edit end date and time': 'Изменить окончание',
  'Duration value': 'Длительность',
  'Edit duration': 'Изменить длительность',
  'Set duration': 'Задать длительность',
  'Set value': 'Задать значение',
  // hit policies and what each means (their names and explanations go through translate too)
  Unique: 'Единственное',
  First: 'Первое',
  Priority: 'По приоритету',
  Any: 'Любое',
  Collect: 'Собрать',
  'Collect (Sum)': 'Собрать (сумма)',
  'Collect (Min)': 'Собрать (минимум)',
  'Collect (Max)': 'Собрать (максимум)',
  'Collect (Count)': 'Собрать (количество)',
  'Rule order': 'В порядке строк',
  'Output order': 'В порядке результатов',
  'No overlap is possible and all rules are disjoint. Only a single rule can be matched':
    'Строки не пересекаются: подходит не больше одной',
  'Rules may overlap. The first matching rule will be chosen': 'Строки могут пересекаться: берётся первая подходящая',
  'Rules may overlap. The one with the highest priority will be chosen':
    'Строки могут пересекаться: берётся подходящая с наивысшим приоритетом',
  'Rules may overlap. Their output have to match': 'Строки могут пересекаться, но их результаты должны совпадать',
  'Collects the values of all matching rules': 'Собирает результаты всех подходящих строк',
  'Collects the values of all matching rules and sums up to a single value':
    'Собирает результаты всех подходящих строк и складывает их',
  'Collects the values of all matching rules and uses the lowest value':
    'Собирает результаты всех подходящих строк и берёт наименьший',
  'Collects the values of all matching rules and uses the highest value':
    'Собирает результаты всех подходящих строк и берёт наибольший',
  'Collects the values of all matching rules and counts the number of them':
    'Собирает результаты всех подходящих строк и считает их',
  'Collects the values of all matching rules in rule order': 'Собирает результаты подходящих строк в порядке строк',
  'Collects the values of all matching rules in decreasing output priority order':
    'Собирает результаты подходящих строк по убыванию приоритета результата',
  Move: 'Переместить',
  Resize: 'Изменить ширину',
  // dmn-js 17 writes a column's drag title without translate (DragAndDrop.js); fixTitles translates it
  'Move Input': 'Переместить условие',
  'Move Output': 'Переместить результат',
  'e.g. { example } ': 'например, { example } ',
  'e.g. { sample }': 'например, { sample }',
};

/** A dmn-js `translate` for the UI language: the Russian text when there is one, then the {placeholders} filled. */
export function dmnTranslator(locale: string) {
  return (template: string, replacements: Record<string, string> = {}): string => {
    const text = locale === 'ru' ? (RU[template] ?? template) : template;
    return text.replace(/{([^}]+)}/g, (whole, key: string) => (key in replacements ? replacements[key] : whole));
  };
}

/** The dmn-js module that replaces its `translate` service. */
export function dmnTranslateModule(locale: string) {
  return { translate: ['value', dmnTranslator(locale)] };
}

/**
 * Translates the titles dmn-js writes without its translate service (a column's drag handle), now and whenever the
 * table renders again; answers the function that stops watching.
 */
export function fixTitles(container: HTMLElement, locale: string): () => void {
  const translate = dmnTranslator(locale);
  const fix = () => {
    container.querySelectorAll<HTMLElement>('.dmn-icon-drag[title^="Move "]').forEach((el) => {
      const title = el.getAttribute('title') ?? '';
      const translated = translate(title);
      if (translated !== title) el.setAttribute('title', translated);
    });
  };
  fix();
  const observer = new MutationObserver(fix);
  observer.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['title'] });
  return () => observer.disconnect();
}

export { RU as DMN_RU };
