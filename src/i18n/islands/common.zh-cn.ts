/** 简体中文: words shared by every island. */
import type { CommonWords } from './common.ts';

export const zhCn: CommonWords = {
  copyLink: '复制链接',
  copied: '链接已复制',
  copyFailed: '复制失败：链接就在地址栏里',
  reset: '重置',
  keptLastGood: '显示的是上一次有效的结果。',
  defaultShown: '这里显示的是默认示例。页面脚本加载后，输入框即可使用。',
};
