/**
 * The app's time zone: where "today" is for the hearing calendar and where next-intl formats times.
 * Kazakhstan keeps one zone (UTC+5 since March 2024), which Asia/Almaty follows.
 */
export const APP_TIME_ZONE = 'Asia/Almaty';
