import type { PostCategory } from '@xiangzhi/personnel-api';
import { POST_CLASSES, POST_CLASS_TITLES, type PostClass, type SuyuSandingConfig } from './config';

/**
 * 四岗20级 Suyu's base-pay scale: four post classes, each with grades 1 (lowest) … 20 (highest);
 * a grade's monthly base pay is the class's grade-1 amount plus one raise per grade above 1.
 */
export class PayScale {
  constructor(private readonly config: SuyuSandingConfig) {}

  get grades(): number {
    return this.config.payScale.grades;
  }

  /** Monthly base pay (yuan) of a class and grade; grades outside 1…`grades` are clamped. */
  monthlyBase(postClass: PostClass, grade: number): number {
    const { grade1, step } = this.config.payScale.classes[postClass];
    return Math.round((grade1 + step * (this.clamp(grade) - 1)) * 100) / 100;
  }

  /** A grade inside the scale (1…`grades`). */
  clamp(grade: number): number {
    return Math.min(this.grades, Math.max(1, Math.trunc(grade)));
  }

  /** The whole table: every class with the monthly base pay of each grade, grade 1 first. */
  table(): { postClass: PostClass; amounts: number[] }[] {
    return POST_CLASSES.map((postClass) => ({ postClass, amounts: Array.from({ length: this.grades }, (_, i) => this.monthlyBase(postClass, i + 1)) }));
  }

  /** The class a post puts its holder in: by post code first, then by category. */
  classOfPost(post: { code: string; category: PostCategory | string }): PostClass {
    const byCode = this.config.payScale.classByPostCode[post.code];
    if (byCode) return byCode;
    return this.config.payScale.classByCategory[post.category as keyof SuyuSandingConfig['payScale']['classByCategory']] ?? 'STAFF';
  }

  /** The highest class among the posts held (书记岗 > 副职岗 > 委员岗 > 专职岗), or null without posts. */
  highestClass(posts: readonly { code: string; category: PostCategory | string }[]): PostClass | null {
    let best: PostClass | null = null;
    for (const post of posts) {
      const c = this.classOfPost(post);
      if (best === null || POST_CLASSES.indexOf(c) < POST_CLASSES.indexOf(best)) best = c;
    }
    return best;
  }

  /** 基本报酬 "书记岗第5级" in both languages. */
  describe(postClass: PostClass, grade: number): { zh: string; en: string } {
    const t = POST_CLASS_TITLES[postClass];
    const g = this.clamp(grade);
    return { zh: `${t.zh}第${g}级`, en: `${t.en}, grade ${g}` };
  }
}
