/**
 * Kazakhstan's gazetteer: cities of republican significance, every regional centre and towns seen in
 * reports, with their other spellings in both scripts. Coordinates are of the city centre (WGS 84).
 */
export type PlaceSeed = {
  name: string;
  region: string;
  kind: string;
  latitude: number;
  longitude: number;
  nameKk: string;
  nameRu: string[];
  latinVariants: string[];
  note?: string;
};

export const PLACES: PlaceSeed[] = [
  { name: "Astana", region: "Astana", kind: "city of republican significance", latitude: 51.169, longitude: 71.449, nameKk: "Астана", nameRu: ["Астана", "Нур-Султан", "Нұр-Сұлтан"], latinVariants: ["Nur-Sultan", "Akmola", "Aqmola", "Tselinograd"], note: "Named Nur-Sultan from March 2019 to September 2022; reports of that period (the 2021 election) say Nur-Sultan (Нұр-Сұлтан / Нур-Султан)" },
  { name: "Almaty", region: "Almaty", kind: "city of republican significance", latitude: 43.238, longitude: 76.946, nameKk: "Алматы", nameRu: ["Алматы", "Алма-Ата"], latinVariants: ["Alma-Ata"] },
  { name: "Shymkent", region: "Shymkent", kind: "city of republican significance", latitude: 42.342, longitude: 69.59, nameKk: "Шымкент", nameRu: ["Шымкент", "Чимкент"], latinVariants: ["Chimkent"] },
  { name: "Kokshetau", region: "Akmola Region", kind: "regional centre", latitude: 53.283, longitude: 69.383, nameKk: "Көкшетау", nameRu: ["Кокшетау", "Кокчетав"], latinVariants: ["Kokchetav", "Kökshetau"] },
  { name: "Aktobe", region: "Aktobe Region", kind: "regional centre", latitude: 50.28, longitude: 57.207, nameKk: "Ақтөбе", nameRu: ["Актобе", "Актюбинск"], latinVariants: ["Aqtobe", "Aqtöbe", "Aktyubinsk"] },
  { name: "Konaev", region: "Almaty Region", kind: "regional centre", latitude: 43.867, longitude: 77.067, nameKk: "Қонаев", nameRu: ["Конаев", "Капчагай"], latinVariants: ["Qonaev", "Kapchagay", "Qapshaghay", "Kapshagay"], note: "Regional centre since 2022; before that the centre of Almaty Region was Taldykorgan" },
  { name: "Atyrau", region: "Atyrau Region", kind: "regional centre", latitude: 47.117, longitude: 51.883, nameKk: "Атырау", nameRu: ["Атырау", "Гурьев"], latinVariants: ["Guryev"] },
  { name: "Oskemen", region: "East Kazakhstan Region", kind: "regional centre", latitude: 49.948, longitude: 82.628, nameKk: "Өскемен", nameRu: ["Усть-Каменогорск"], latinVariants: ["Ust-Kamenogorsk", "Öskemen"] },
  { name: "Taraz", region: "Jambyl Region", kind: "regional centre", latitude: 42.9, longitude: 71.367, nameKk: "Тараз", nameRu: ["Тараз", "Джамбул"], latinVariants: ["Zhambyl", "Dzhambul"] },
  { name: "Taldykorgan", region: "Jetisu Region", kind: "regional centre", latitude: 45.016, longitude: 78.374, nameKk: "Талдықорған", nameRu: ["Талдыкорган"], latinVariants: ["Taldyqorghan", "Taldy-Kurgan"], note: "Centre of Jetisu Region since 2022 (of Almaty Region before)" },
  { name: "Karaganda", region: "Karaganda Region", kind: "regional centre", latitude: 49.805, longitude: 73.109, nameKk: "Қарағанды", nameRu: ["Караганда"], latinVariants: ["Qaraghandy", "Karagandy"] },
  { name: "Kostanay", region: "Kostanay Region", kind: "regional centre", latitude: 53.214, longitude: 63.625, nameKk: "Қостанай", nameRu: ["Костанай", "Кустанай"], latinVariants: ["Qostanai", "Kustanai"] },
  { name: "Kyzylorda", region: "Kyzylorda Region", kind: "regional centre", latitude: 44.853, longitude: 65.509, nameKk: "Қызылорда", nameRu: ["Кызылорда"], latinVariants: ["Qyzylorda", "Kzyl-Orda"] },
  { name: "Aktau", region: "Mangystau Region", kind: "regional centre", latitude: 43.648, longitude: 51.172, nameKk: "Ақтау", nameRu: ["Актау"], latinVariants: ["Aqtau", "Shevchenko"] },
  { name: "Petropavl", region: "North Kazakhstan Region", kind: "regional centre", latitude: 54.867, longitude: 69.15, nameKk: "Петропавл", nameRu: ["Петропавловск"], latinVariants: ["Petropavlovsk"] },
  { name: "Pavlodar", region: "Pavlodar Region", kind: "regional centre", latitude: 52.283, longitude: 76.967, nameKk: "Павлодар", nameRu: ["Павлодар"], latinVariants: [] },
  { name: "Turkistan", region: "Turkistan Region", kind: "regional centre", latitude: 43.297, longitude: 68.252, nameKk: "Түркістан", nameRu: ["Туркестан"], latinVariants: ["Turkestan", "Türkistan"], note: "Regional centre since 2018 (before: Shymkent, as South Kazakhstan Region)" },
  { name: "Semey", region: "Abai Region", kind: "regional centre", latitude: 50.411, longitude: 80.228, nameKk: "Семей", nameRu: ["Семей", "Семипалатинск"], latinVariants: ["Semipalatinsk"], note: "Abai Region created 2022 (before: East Kazakhstan Region)" },
  { name: "Zhezkazgan", region: "Ulytau Region", kind: "regional centre", latitude: 47.783, longitude: 67.767, nameKk: "Жезқазған", nameRu: ["Жезказган"], latinVariants: ["Jezkazgan", "Zhezqazghan"], note: "Ulytau Region created 2022 (before: Karaganda Region)" },
  { name: "Oral", region: "West Kazakhstan Region", kind: "regional centre", latitude: 51.233, longitude: 51.367, nameKk: "Орал", nameRu: ["Уральск"], latinVariants: ["Uralsk"] },
  { name: "Zhanaozen", region: "Mangystau Region", kind: "town", latitude: 43.341, longitude: 52.862, nameKk: "Жаңаөзен", nameRu: ["Жанаозен"], latinVariants: ["Janaozen", "Novy Uzen"], note: "Site of the December 2011 police shooting of striking oil workers; start of the January 2022 unrest" },
  { name: "Talgar", region: "Almaty Region", kind: "town", latitude: 43.303, longitude: 77.24, nameKk: "Талғар", nameRu: ["Талгар"], latinVariants: ["Talghar"] },
  { name: "Temirtau", region: "Karaganda Region", kind: "town", latitude: 50.055, longitude: 72.965, nameKk: "Теміртау", nameRu: ["Темиртау"], latinVariants: [] },
  { name: "Ekibastuz", region: "Pavlodar Region", kind: "town", latitude: 51.723, longitude: 75.322, nameKk: "Екібастұз", nameRu: ["Экибастуз"], latinVariants: ["Ekibastus"] },
  { name: "Rudny", region: "Kostanay Region", kind: "town", latitude: 52.967, longitude: 63.133, nameKk: "Рудный", nameRu: ["Рудный"], latinVariants: ["Rudnyy"] },
  { name: "Kentau", region: "Turkistan Region", kind: "town", latitude: 43.517, longitude: 68.5, nameKk: "Кентау", nameRu: ["Кентау"], latinVariants: [] },
  { name: "Zharkent", region: "Jetisu Region", kind: "town", latitude: 44.167, longitude: 80.0, nameKk: "Жаркент", nameRu: ["Жаркент"], latinVariants: ["Jarkent", "Panfilov"] },
];
