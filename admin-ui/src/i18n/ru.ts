import type { AppMessages } from './en';

/** Русские подписи приложения (подписи самого react-admin берутся из ra-language-russian). */
export const ru: AppMessages = {
  app: {
    title: 'Биллинг КЦ',
    menu: {
      simulate: 'Симуляция',
      reference: 'Справочники',
    },
    errors: {
      already_exists: 'Запись с таким ключом уже есть',
      read_only: 'Этот список нельзя изменять',
      cannot_delete: 'В этом списке нельзя удалять записи',
    },
    status: {
      RATED: 'Тарифицирован',
      REJECTED: 'Отклонён',
    },
    outcome: {
      RATED: 'Тарифицирован',
      REJECTED: 'Отклонён',
      DUPLICATE: 'Дубликат',
      REFUSED: 'Не принят',
    },
    cdr: {
      call: 'Звонок',
      rating: 'Тарификация',
      lines: 'Строки начислений',
      no_lines: 'Начислений нет',
      total: 'Итого',
    },
    lines: {
      component: 'Компонент',
      stage: 'Этап',
      billedSeconds: 'Оплачено, с',
      rate: 'Тариф',
      amount: 'Сумма',
      note: 'Примечание',
    },
    simulate: {
      title: 'Симуляция тарификации',
      intro: 'Тарификация записей без сохранения. Измените JSON-запрос ниже и нажмите «Рассчитать».',
      request: 'Запрос (JSON)',
      run: 'Рассчитать',
      reset: 'Вернуть пример',
      running: 'Расчёт…',
      invalid_json: 'Запрос не является корректным JSON: %{error}',
      results: 'Результаты',
      no_results: 'Результатов пока нет',
      record: 'Запись',
      outcome: 'Исход',
      status: 'Статус',
      total: 'Итого',
      reason: 'Причина',
      errors: 'Ошибки',
      problem: 'Сервер отклонил запрос',
    },
  },
  resources: {
    cdrs: {
      name: 'Запись CDR |||| Записи CDR |||| Записи CDR',
      fields: {
        startTime: 'Начало',
        source: 'Источник',
        cdrId: 'ID записи',
        callType: 'Тип звонка',
        caller: 'Кто звонил',
        called: 'Куда звонили',
        callerRegion: 'Регион звонившего',
        callerOperator: 'Оператор звонившего',
        account: 'Лицевой счёт',
        status: 'Статус',
        total: 'Сумма',
        currency: 'Валюта',
        reason: 'Причина',
        reasonDetail: 'Подробности причины',
        tariff: 'Тариф',
        tariffVersion: 'Версия тарифа',
        durationSec: 'Длительность, с',
        receivedAt: 'Получена',
        from: 'Начало с',
        to: 'Начало до',
      },
    },
    destinations: {
      name: 'Направление |||| Направления |||| Направлений',
      fields: {
        prefix: 'Префикс',
        destinationClass: 'Класс направления',
        q: 'Поиск',
      },
    },
    origins: {
      name: 'Происхождение |||| Происхождения |||| Происхождений',
      fields: {
        prefix: 'Префикс',
        origin: 'Класс происхождения',
        q: 'Поиск',
      },
    },
    holidays: {
      name: 'Праздник |||| Праздники |||| Праздников',
      fields: {
        date: 'Дата',
        name: 'Название',
        q: 'Поиск',
      },
    },
    operators: {
      name: 'Оператор |||| Операторы |||| Операторов',
      fields: {
        operatorId: 'ID оператора',
        site: 'Площадка',
        name: 'Имя',
        q: 'Поиск',
      },
    },
    trunks: {
      name: 'Транк |||| Транки |||| Транков',
      fields: {
        trunk: 'Транк',
        description: 'Описание',
        q: 'Поиск',
      },
    },
    accounts: {
      name: 'Лицевой счёт |||| Лицевые счета |||| Лицевых счетов',
      fields: {
        account: 'Лицевой счёт',
        client: 'Клиент',
        tariff: 'Тариф',
        tariffFrom: 'Тариф действует с',
        numbers: 'Номера',
        q: 'Поиск',
      },
    },
  },
};
