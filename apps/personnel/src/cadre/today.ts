/** Today's date (`YYYY-MM-DD`) in China Standard Time, for ages and default dates: the kernel's one clock. */
export { todayInChina } from '@xiangzhi/kernel';
