export { visibleDetention } from '@/lib/filters/visibility';
