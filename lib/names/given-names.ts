/**
 * Well-known short forms of first names, so that "Sasha Vinokourov" finds Alexander Vinokourov.
 * Only pairs that are standard (Russian diminutives every reader knows, and Dimash for
 * Dinmukhammed) are listed; a doubtful pair would join two different people, which costs more than
 * a missed short form.
 */
export const SHORT_FORMS: readonly (readonly string[])[] = [
  ['Aleksandr', 'Alexander', 'Sasha', 'Sanya', 'Shura'],
  ['Aleksandra', 'Sasha', 'Shura'],
  ['Aleksei', 'Alexey', 'Alyosha', 'Lyosha'],
  ['Anastasiya', 'Nastya'],
  ['Dmitry', 'Dima', 'Mitya'],
  ['Dinmukhammed', 'Dinmukhamed', 'Dimash'],
  ['Ekaterina', 'Katya'],
  ['Elena', 'Lena'],
  ['Evgeniy', 'Zhenya'],
  ['Ivan', 'Vanya'],
  ['Konstantin', 'Kostya'],
  ['Lyudmila', 'Lyuda', 'Mila'],
  ['Mariya', 'Masha'],
  ['Mikhail', 'Misha'],
  ['Natalya', 'Natasha'],
  ['Nikolai', 'Kolya'],
  ['Olga', 'Olya'],
  ['Pavel', 'Pasha'],
  ['Sergei', 'Seryozha'],
  ['Svetlana', 'Sveta'],
  ['Tatyana', 'Tanya'],
  ['Vladimir', 'Volodya', 'Vova'],
  ['Yuri', 'Yura'],
];
