/**
 * Controlled vocabularies: the charges seen in reports, each tied to its legal basis, and the
 * elections that frame crackdowns, each with its Kazakh and Russian name (the CoAO's and the Criminal
 * Code's own titles, shortened). The charge text as a source words it is kept on each detention.
 */
export const CHARGES = [
  {
    slug: 'coao-488',
    name: 'Violating the procedure for organising and holding peaceful assemblies',
    code: 'administrative',
    article: '488',
    legalBasis: 'CoAO art. 488',
    nameKk: 'Бейбіт жиналыстарды ұйымдастыру және өткізу тәртібі туралы заңнаманы бұзу',
    nameRu: 'Нарушение законодательства о порядке организации и проведения мирных собраний',
  },
  {
    slug: 'coao-489',
    name: 'Violating the law on public associations',
    code: 'administrative',
    article: '489',
    legalBasis: 'CoAO art. 489',
    nameKk: 'Қоғамдық бірлестіктер туралы заңнаманы бұзу',
    nameRu: 'Нарушение законодательства об общественных объединениях',
  },
  {
    slug: 'coao-667',
    name: 'Disobeying a lawful order of a police officer',
    code: 'administrative',
    article: '667',
    legalBasis: 'CoAO art. 667',
    nameKk: 'Полиция қызметкерінің заңды өкіміне бағынбау',
    nameRu: 'Неповиновение законному распоряжению сотрудника полиции',
  },
  {
    slug: 'cc-400',
    name: 'Violating the procedure for organising or holding assemblies (criminal)',
    code: 'criminal',
    article: '400',
    legalBasis: 'Criminal Code art. 400',
    nameKk: 'Бейбіт жиналыстарды ұйымдастыру немесе өткізу тәртібін бұзу (қылмыстық)',
    nameRu: 'Нарушение порядка организации или проведения мирных собраний (уголовное)',
  },
  {
    slug: 'cc-405',
    name: 'Organising or taking part in the activities of an association banned as extremist',
    code: 'criminal',
    article: '405',
    legalBasis: 'Criminal Code art. 405',
    nameKk: 'Экстремистік деп танылып, қызметіне тыйым салынған бірлестіктің қызметін ұйымдастыру немесе оған қатысу',
    nameRu: 'Организация деятельности объединения, запрещённого как экстремистское, или участие в ней',
  },
  {
    slug: 'cc-174',
    name: 'Inciting social, national, clan, racial, class or religious discord',
    code: 'criminal',
    article: '174',
    legalBasis: 'Criminal Code art. 174',
    nameKk: 'Әлеуметтік, ұлттық, рулық, нәсілдік, тектік-топтық немесе діни араздықты қоздыру',
    nameRu: 'Возбуждение социальной, национальной, родовой, расовой, сословной или религиозной розни',
  },
  {
    slug: 'cc-274',
    name: 'Spreading knowingly false information',
    code: 'criminal',
    article: '274',
    legalBasis: 'Criminal Code art. 274',
    nameKk: 'Көрінеу жалған ақпарат тарату',
    nameRu: 'Распространение заведомо ложной информации',
  },
  {
    slug: 'cc-272',
    name: 'Mass riots',
    code: 'criminal',
    article: '272',
    legalBasis: 'Criminal Code art. 272',
    nameKk: 'Жаппай тәртіпсіздіктер',
    nameRu: 'Массовые беспорядки',
  },
] as const;

export const MAZHILIS_2021 = 'Mazhilis election 2021';

/** With their Kazakh and Russian names (docs/TRANSLATION.md lists the ones a native reader should check). */
export const ELECTIONS = [
  { name: 'Presidential election 2019', kind: 'presidential', heldOn: '2019-06-09', nameKk: '2019 жылғы Президент сайлауы', nameRu: 'Президентские выборы 2019 года' },
  { name: MAZHILIS_2021, kind: 'parliamentary', heldOn: '2021-01-10', nameKk: '2021 жылғы Мәжіліс сайлауы', nameRu: 'Выборы в Мажилис 2021 года' },
  { name: 'Constitutional referendum 2022', kind: 'referendum', heldOn: '2022-06-05', nameKk: '2022 жылғы конституциялық референдум', nameRu: 'Конституционный референдум 2022 года' },
  { name: 'Presidential election 2022', kind: 'presidential', heldOn: '2022-11-20', nameKk: '2022 жылғы Президент сайлауы', nameRu: 'Президентские выборы 2022 года' },
  { name: 'Mazhilis election 2023', kind: 'parliamentary', heldOn: '2023-03-19', nameKk: '2023 жылғы Мәжіліс сайлауы', nameRu: 'Выборы в Мажилис 2023 года' },
] as const;

/**
 * The monthly calculation index (MCI, МРП): 1 MCI in tenge per year, as fixed by each budget law.
 * Fines set in MCI are converted with the value of the year of the ruling (or of the detention);
 * such totals are labelled as computed. 2025 is to be confirmed against the budget law.
 */
export const MCI_VALUES = [
  { year: 2019, tenge: 2525 },
  { year: 2020, tenge: 2778 },
  { year: 2021, tenge: 2917 },
  { year: 2022, tenge: 3063 },
  { year: 2023, tenge: 3450 },
  { year: 2024, tenge: 3692 },
  { year: 2025, tenge: 3932 },
] as const;
