// Conditional format rules and data validation: builders and the immutable rules they build.

import { asReal, Counted } from "./counted";
import { BooleanCriteria, DataValidationCriteria } from "./enums";
import type { CallCounter } from "./calls";
import type { FakeRange } from "./range";

type Sp = typeof GoogleAppsScript.Spreadsheet;
type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type InterpolationType = GoogleAppsScript.Spreadsheet.InterpolationType;

interface GradientPoint {
  color: string;
  type: InterpolationType | null;
  value: string;
}

/** Everything a conditional format rule holds; builders copy it, rules freeze it. */
interface RuleState {
  criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria | null;
  criteriaValues: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  gradient: { min?: GradientPoint; mid?: GradientPoint; max?: GradientPoint } | null;
  ranges: FakeRange[];
}

/** A conditional format rule as plain data, for deep-equal assertions in tests. */
export interface RuleDescription {
  criteria: string | null;
  criteriaValues: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  gradient: { min?: GradientPoint; mid?: GradientPoint; max?: GradientPoint } | null;
  ranges: string[];
}

const emptyRule = (): RuleState => ({
  criteria: null,
  criteriaValues: [],
  background: null,
  fontColor: null,
  bold: null,
  gradient: null,
  ranges: [],
});

const copyState = (state: RuleState): RuleState => ({
  ...state,
  criteriaValues: [...state.criteriaValues],
  gradient: state.gradient && { ...state.gradient },
  ranges: [...state.ranges],
});

export class FakeBooleanCondition
  extends Counted
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.BooleanCondition,
      "getCriteriaType" | "getCriteriaValues" | "getBackground" | "getFontColor" | "getBold"
    >
{
  constructor(
    counter: CallCounter,
    private readonly state: RuleState,
  ) {
    super(counter, "BooleanCondition");
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return this.state.criteria!;
  }
  getCriteriaValues(): unknown[] {
    return [...this.state.criteriaValues];
  }
  getBackground(): string | null {
    return this.state.background;
  }
  getFontColor(): string | null {
    return this.state.fontColor;
  }
  getBold(): boolean | null {
    return this.state.bold;
  }
}

export class FakeGradientCondition
  extends Counted
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.GradientCondition,
      "getMinColor" | "getMinValue" | "getMaxColor" | "getMaxValue" | "getMidColor" | "getMidValue"
    >
{
  constructor(
    counter: CallCounter,
    private readonly points: NonNullable<RuleState["gradient"]>,
  ) {
    super(counter, "GradientCondition");
  }
  getMinColor(): string {
    return this.points.min?.color ?? "";
  }
  getMinValue(): string {
    return this.points.min?.value ?? "";
  }
  getMidColor(): string {
    return this.points.mid?.color ?? "";
  }
  getMidValue(): string {
    return this.points.mid?.value ?? "";
  }
  getMaxColor(): string {
    return this.points.max?.color ?? "";
  }
  getMaxValue(): string {
    return this.points.max?.value ?? "";
  }
}

/** Shared getters of a rule and its builder. */
abstract class RuleReader extends Counted {
  constructor(
    counter: CallCounter,
    type: string,
    protected readonly state: RuleState,
  ) {
    super(counter, type);
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return this.state.criteria === null ? null : asReal(new FakeBooleanCondition(this.counter, this.state));
  }
  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    return this.state.gradient === null ? null : asReal(new FakeGradientCondition(this.counter, this.state.gradient));
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return asReal(this.state.ranges.map((range) => range.copy()));
  }
  copy(): Builder {
    return asReal(new FakeConditionalFormatRuleBuilder(this.counter, copyState(this.state)));
  }
  describe(): RuleDescription {
    return {
      criteria: this.state.criteria === null ? null : String(this.state.criteria),
      criteriaValues: [...this.state.criteriaValues],
      background: this.state.background,
      fontColor: this.state.fontColor,
      bold: this.state.bold,
      gradient: this.state.gradient && { ...this.state.gradient },
      ranges: this.state.ranges.map((range) => range.getA1Notation()),
    };
  }
}

export class FakeConditionalFormatRule
  extends RuleReader
  implements Pick<Rule, "copy" | "getBooleanCondition" | "getGradientCondition" | "getRanges">
{
  constructor(counter: CallCounter, state: RuleState) {
    super(counter, "ConditionalFormatRule", state);
  }
}

type BuilderMethods =
  | "build"
  | "copy"
  | "getBooleanCondition"
  | "getGradientCondition"
  | "getRanges"
  | "setBackground"
  | "setBold"
  | "setFontColor"
  | "setGradientMaxpoint"
  | "setGradientMaxpointWithValue"
  | "setGradientMidpointWithValue"
  | "setGradientMinpoint"
  | "setGradientMinpointWithValue"
  | "setRanges"
  | "whenCellEmpty"
  | "whenCellNotEmpty"
  | "whenFormulaSatisfied"
  | "whenNumberBetween"
  | "whenNumberGreaterThan"
  | "whenNumberGreaterThanOrEqualTo"
  | "whenNumberLessThan"
  | "whenNumberLessThanOrEqualTo"
  | "whenTextEqualTo";

export class FakeConditionalFormatRuleBuilder extends RuleReader implements Pick<Builder, BuilderMethods> {
  constructor(counter: CallCounter, state: RuleState = emptyRule()) {
    super(counter, "ConditionalFormatRuleBuilder", state);
  }
  build(): Rule {
    if (this.state.criteria === null && this.state.gradient === null) {
      throw new Error("Conditional format rule must have a condition (a boolean condition or a gradient).");
    }
    return asReal(new FakeConditionalFormatRule(this.counter, copyState(this.state)));
  }
  private set(change: Partial<RuleState>): Builder {
    Object.assign(this.state, change);
    return asReal(this);
  }
  private when(criteria: keyof Sp["BooleanCriteria"], ...values: unknown[]): Builder {
    // A rule is either boolean or gradient: setting one clears the other, as in Sheets.
    return this.set({ criteria: BooleanCriteria[criteria], criteriaValues: values, gradient: null });
  }
  private gradientPoint(point: "min" | "mid" | "max", color: string, type: InterpolationType | null, value: string): Builder {
    return this.set({ criteria: null, criteriaValues: [], gradient: { ...this.state.gradient, [point]: { color, type, value } } });
  }
  setBackground(color: string | null): Builder {
    return this.set({ background: color });
  }
  setFontColor(color: string | null): Builder {
    return this.set({ fontColor: color });
  }
  setBold(bold: boolean | null): Builder {
    return this.set({ bold });
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Builder {
    return this.set({ ranges: [...(ranges as unknown as FakeRange[])] });
  }
  setGradientMinpoint(color: string): Builder {
    return this.gradientPoint("min", color, null, "");
  }
  setGradientMaxpoint(color: string): Builder {
    return this.gradientPoint("max", color, null, "");
  }
  setGradientMinpointWithValue(color: string, type: InterpolationType, value: string): Builder {
    return this.gradientPoint("min", color, type, value);
  }
  setGradientMidpointWithValue(color: string, type: InterpolationType, value: string): Builder {
    return this.gradientPoint("mid", color, type, value);
  }
  setGradientMaxpointWithValue(color: string, type: InterpolationType, value: string): Builder {
    return this.gradientPoint("max", color, type, value);
  }
  whenCellEmpty(): Builder {
    return this.when("CELL_EMPTY");
  }
  whenCellNotEmpty(): Builder {
    return this.when("CELL_NOT_EMPTY");
  }
  whenFormulaSatisfied(formula: string): Builder {
    return this.when("CUSTOM_FORMULA", formula);
  }
  whenNumberBetween(start: number, end: number): Builder {
    return this.when("NUMBER_BETWEEN", start, end);
  }
  whenNumberGreaterThan(number: number): Builder {
    return this.when("NUMBER_GREATER_THAN", number);
  }
  whenNumberGreaterThanOrEqualTo(number: number): Builder {
    return this.when("NUMBER_GREATER_THAN_OR_EQUAL_TO", number);
  }
  whenNumberLessThan(number: number): Builder {
    return this.when("NUMBER_LESS_THAN", number);
  }
  whenNumberLessThanOrEqualTo(number: number): Builder {
    return this.when("NUMBER_LESS_THAN_OR_EQUAL_TO", number);
  }
  whenTextEqualTo(text: string): Builder {
    return this.when("TEXT_EQUAL_TO", text);
  }
}

type Validation = GoogleAppsScript.Spreadsheet.DataValidation;
type ValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type ValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

interface ValidationState {
  criteria: ValidationCriteria | null;
  criteriaValues: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** A data validation rule as plain data, for tests. */
export interface ValidationDescription {
  criteria: string | null;
  criteriaValues: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

abstract class ValidationReader extends Counted {
  constructor(
    counter: CallCounter,
    type: string,
    protected readonly state: ValidationState,
  ) {
    super(counter, type);
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid;
  }
  getCriteriaType(): ValidationCriteria {
    return this.state.criteria!;
  }
  getCriteriaValues(): unknown[] {
    return [...this.state.criteriaValues];
  }
  copy(): ValidationBuilder {
    return asReal(new FakeDataValidationBuilder(this.counter, { ...this.state, criteriaValues: [...this.state.criteriaValues] }));
  }
  describe(): ValidationDescription {
    return {
      ...this.state,
      criteria: this.state.criteria === null ? null : String(this.state.criteria),
      criteriaValues: [...this.state.criteriaValues],
    };
  }
}

export class FakeDataValidation
  extends ValidationReader
  implements Pick<Validation, "copy" | "getAllowInvalid" | "getCriteriaType" | "getCriteriaValues" | "getHelpText">
{
  constructor(counter: CallCounter, state: ValidationState) {
    super(counter, "DataValidation", state);
  }
  getHelpText(): string {
    return this.state.helpText ?? "";
  }
}

type ValidationBuilderMethods =
  | "build"
  | "copy"
  | "getAllowInvalid"
  | "getCriteriaType"
  | "getCriteriaValues"
  | "getHelpText"
  | "requireDate"
  | "requireDateAfter"
  | "requireDateOnOrAfter"
  | "requireNumberGreaterThanOrEqualTo"
  | "requireNumberBetween"
  | "requireValueInList"
  | "requireFormulaSatisfied"
  | "setAllowInvalid"
  | "setHelpText";

export class FakeDataValidationBuilder extends ValidationReader implements Pick<ValidationBuilder, ValidationBuilderMethods> {
  constructor(counter: CallCounter, state: ValidationState = { criteria: null, criteriaValues: [], allowInvalid: true, helpText: null }) {
    super(counter, "DataValidationBuilder", state);
  }
  build(): Validation {
    if (this.state.criteria === null) throw new Error("You must specify a validation criteria.");
    return asReal(new FakeDataValidation(this.counter, { ...this.state, criteriaValues: [...this.state.criteriaValues] }));
  }
  getHelpText(): string | null {
    return this.state.helpText;
  }
  private require(criteria: keyof Sp["DataValidationCriteria"], ...values: unknown[]): ValidationBuilder {
    this.state.criteria = DataValidationCriteria[criteria];
    this.state.criteriaValues = values;
    return asReal(this);
  }
  requireDate(): ValidationBuilder {
    return this.require("DATE_IS_VALID_DATE");
  }
  requireDateAfter(date: GoogleAppsScript.Base.Date): ValidationBuilder {
    return this.require("DATE_AFTER", date);
  }
  requireDateOnOrAfter(date: GoogleAppsScript.Base.Date): ValidationBuilder {
    return this.require("DATE_ON_OR_AFTER", date);
  }
  requireNumberGreaterThanOrEqualTo(number: number): ValidationBuilder {
    return this.require("NUMBER_GREATER_THAN_OR_EQUAL_TO", number);
  }
  requireNumberBetween(start: number, end: number): ValidationBuilder {
    return this.require("NUMBER_BETWEEN", start, end);
  }
  requireValueInList(values: string[], showDropdown = true): ValidationBuilder {
    return this.require("VALUE_IN_LIST", [...values], showDropdown);
  }
  requireFormulaSatisfied(formula: string): ValidationBuilder {
    return this.require("CUSTOM_FORMULA", formula);
  }
  setAllowInvalid(allowInvalidData: boolean): ValidationBuilder {
    this.state.allowInvalid = allowInvalidData;
    return asReal(this);
  }
  setHelpText(helpText: string): ValidationBuilder {
    this.state.helpText = helpText;
    return asReal(this);
  }
}
