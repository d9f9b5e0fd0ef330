import places from './places.json';
