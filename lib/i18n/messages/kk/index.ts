import merge from './merge.json';

const messages = {
  merge,
};

export default messages;
