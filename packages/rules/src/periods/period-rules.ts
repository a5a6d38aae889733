/**
 * How periods are computed, as the national rulebook states them (民法典 第二百零一条至
 * 第二百零三条). They are data so that a rulebook citing another law can override them
 * (第二百零四条), and so that every deadline can cite the articles it applied.
 */
export interface PeriodRules {
  /** 第二百零一条: 开始的当日不计入，自下一日开始计算 */
  startDayExcluded: boolean
  /** 第二百零二条: 没有对应日的，月末日为期间的最后一日 */
  monthEndWhenNoCorrespondingDay: boolean
  /** 第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日 */
  extendWhenLastDayIsRestDay: boolean
}

export const CIVIL_CODE_PERIOD_RULES: PeriodRules = {
  startDayExcluded: true,
  monthEndWhenNoCorrespondingDay: true,
  extendWhenLastDayIsRestDay: true,
}
