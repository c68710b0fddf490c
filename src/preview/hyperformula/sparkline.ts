// Sheets' SPARKLINE, which HyperFormula lacks: the template's Health check sheet draws a trend line
// per question with it. The preview shows the same numbers as a line of block characters, so the
// cell says what Sheets would draw instead of #NAME?. Options (the second argument) are ignored.

import { CellError, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type ImplementedFunctions } from "hyperformula";

const BLOCKS = "▁▂▃▄▅▆▇█";

/** The numbers of a range (blanks and text left out) as blocks, lowest ▁, highest █. */
export function sparklineText(values: readonly unknown[]): string {
  const numbers = values.filter((value): value is number => typeof value === "number" && Number.isFinite(value));
  if (numbers.length === 0) return "";
  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  const step = (BLOCKS.length - 1) / (high - low || 1);
  return numbers.map((value) => BLOCKS[Math.round((value - low) * step)]).join("");
}

interface FunctionCallAst {
  args: unknown[];
}

export class SparklinePlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    SPARKLINE: {
      method: "sparkline",
      parameters: [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY, optionalArg: true }],
      vectorizationForbidden: true,
    },
  };

  sparkline(ast: FunctionCallAst, state: unknown): unknown {
    const internals = this as unknown as {
      runFunction(args: unknown[], state: unknown, metadata: unknown, body: (...values: unknown[]) => unknown): unknown;
      metadata(name: string): unknown;
    };
    return internals.runFunction(ast.args, state, internals.metadata("SPARKLINE"), (data: unknown) => {
      if (data instanceof CellError) return data;
      return sparklineText(data instanceof SimpleRangeValue ? data.data.flat() : [data]);
    });
  }
}

export function registerSparkline(): void {
  HyperFormula.registerFunctionPlugin(SparklinePlugin, { enGB: { SPARKLINE: "SPARKLINE" }, enUS: { SPARKLINE: "SPARKLINE" } });
}
