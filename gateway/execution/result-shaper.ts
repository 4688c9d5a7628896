/**
 * The result shaper: turns the data a query plan gathered from the subgraphs (the merged
 * entities, with the key and `@requires` fields the plan added) into the response the client
 * asked for: its fields in its order under its aliases, `__typename` filled, `@skip`/`@include`
 * applied, nulls propagated to the nearest nullable parent, invalid leaf values nulled.
 *
 * The contract is `@apollo/gateway` 2.14.4's `computeResponse` (`dist/resultShaping.js`),
 * answer for answer and error for error (same messages, paths and codes); what differs is when
 * the work happens. `computeResponse` asks the operation's selection objects for their
 * directives, response names, field definitions and types again for every object of every
 * response; `compileResultShaper` reads them once per operation into plain records, and
 * `shape` walks only those. The walk itself (including how a response name selected twice is
 * merged into the same output object) is the same algorithm.
 */
import {
  ERRORS,
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  typenameFieldName,
  Variable,
  type CompositeType,
  type EnumType,
  type FieldSelection,
  type Operation,
  type ScalarType,
  type Schema,
  type Selection,
  type SelectionSet,
  type Type,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

/** The data of a response and the errors found while shaping it (`valueCompletion` errors in Apollo's terms). */
export interface ShapedResult {
  data: Record<string, unknown> | null | undefined;
  errors: GraphQLError[];
}

/** Answers one introspection field (`__schema`, `__type`) of the operation. */
export type IntrospectionHandler = (selection: FieldSelection) => unknown;

/** An operation's result shaper, compiled once per operation and schema. */
export interface ResultShaper {
  /**
   * Shapes `input` (the query plan's merged data; null or undefined is returned as is) for
   * `variables` (the request's; defaults of the operation's variable definitions fill the
   * missing ones). Never throws on data a subgraph got wrong: such values become null with an
   * `INVALID_GRAPHQL` error at their path, as with `computeResponse`; throws only on data that
   * contradicts the query plan itself (a non-list where the plan put a list), as it does.
   */
  shape(input: Record<string, unknown> | null | undefined, variables: Record<string, unknown> | undefined, introspection: IntrospectionHandler): ShapedResult;
}

/** `@skip(if:)` / `@include(if:)`: a literal, or a variable (with the texts the error names). */
type Condition = boolean | { variable: string; text: string; directive: string };

interface FieldStep {
  kind: 'field';
  skip: Condition | undefined;
  include: Condition | undefined;
  responseName: string;
  /** `__schema` / `__type`: answered by the introspection handler. */
  introspection: FieldSelection | null;
  /** `__typename` (under any alias). */
  typename: boolean;
  value: ValuePlan;
}

interface FragmentStep {
  kind: 'fragment';
  skip: Condition | undefined;
  include: Condition | undefined;
  typeCondition: CompositeType | undefined;
  selections: Step[];
}

type Step = FieldStep | FragmentStep;

const NON_NULL = 0;
const LIST = 1;
const COMPOSITE = 2;
const LEAF = 3;

/**
 * How a field's value is shaped, one level of its type per plan: `type` is that level's type
 * (error messages name it), `hasSelections` whether the field has a selection set (the same
 * at every level of one field).
 */
type ValuePlan =
  | { kind: typeof NON_NULL; type: Type; hasSelections: boolean; of: ValuePlan }
  | { kind: typeof LIST; type: Type; hasSelections: boolean; of: ValuePlan }
  | { kind: typeof COMPOSITE; type: CompositeType; hasSelections: boolean; selections: Step[] | undefined }
  | { kind: typeof LEAF; type: Type; hasSelections: boolean; valid: (value: unknown) => boolean };

/** What `applySelectionSet` returns: OK, or "this object must become null". */
const OK = 0;
const NULL_BUBBLE_UP = 1;

interface Run {
  schema: Schema;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  introspection: IntrospectionHandler;
}

/**
 * Compiles `operation` (federation-internals form, over the API schema) into its shaper.
 * Cost: one walk of the operation's selections; the result holds no per-request state.
 */
export function compileResultShaper(operation: Operation): ResultShaper {
  const schema = operation.schema();
  const defaults = operation.collectDefaultedVariableValues();
  const compiled = new Map<SelectionSet, Step[]>();
  const root = compileSelectionSet(schema, operation.selectionSet, compiled);
  const rootType = schema.schemaDefinition.rootType(operation.rootKind);
  return {
    shape(input, variables, introspection) {
      if (!input) return { data: input, errors: [] };
      const run: Run = {
        schema,
        variables: { __proto__: null, ...defaults, ...variables } as Record<string, unknown>,
        errors: [],
        introspection,
      };
      const data = Object.create(null) as Record<string, unknown>;
      const result = applySelectionSet(input, root, data, run, [], rootType as CompositeType);
      return { data: result === NULL_BUBBLE_UP ? null : data, errors: run.errors };
    },
  };
}

function compileSelectionSet(schema: Schema, selectionSet: SelectionSet, compiled: Map<SelectionSet, Step[]>): Step[] {
  const seen = compiled.get(selectionSet);
  if (seen) return seen;
  const steps: Step[] = [];
  compiled.set(selectionSet, steps);
  for (const selection of selectionSet.selections()) steps.push(compileSelection(schema, selection, compiled));
  return steps;
}

function compileSelection(schema: Schema, selection: Selection, compiled: Map<SelectionSet, Step[]>): Step {
  const skip = condition(selection.element.appliedDirectivesOf(schema.skipDirective())[0]);
  const include = condition(selection.element.appliedDirectivesOf(schema.includeDirective())[0]);
  if (selection.kind === 'FieldSelection') {
    const field = selection.element;
    return {
      kind: 'field',
      skip,
      include,
      responseName: field.responseName(),
      introspection: field.definition.isSchemaIntrospectionField() ? selection : null,
      typename: field.name === typenameFieldName,
      value: valuePlan(schema, field.definition.type!, selection.selectionSet ? compileSelectionSet(schema, selection.selectionSet, compiled) : undefined),
    };
  }
  return {
    kind: 'fragment',
    skip,
    include,
    typeCondition: selection.element.typeCondition,
    selections: compileSelectionSet(schema, selection.selectionSet, compiled),
  };
}

function valuePlan(schema: Schema, type: Type, selections: Step[] | undefined): ValuePlan {
  const hasSelections = selections !== undefined;
  if (isNonNullType(type)) return { kind: NON_NULL, type, hasSelections, of: valuePlan(schema, type.ofType, selections) };
  if (isListType(type)) return { kind: LIST, type, hasSelections, of: valuePlan(schema, type.ofType, selections) };
  if (isCompositeType(type)) return { kind: COMPOSITE, type, hasSelections, selections };
  return { kind: LEAF, type, hasSelections, valid: leafValidator(schema, type as ScalarType | EnumType) };
}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/**
 * `isValidLeafValue(schema, value, type)` of federation-internals (values.js) decided per
 * type once: custom scalars take anything; Boolean a boolean; Int a finite number printed as
 * an integer; ID that or a string; Float a finite number; String a string; an enum the name of
 * one of its values.
 */
function leafValidator(schema: Schema, type: ScalarType | EnumType): (value: unknown) => boolean {
  if (isCustomScalarType(type)) return () => true;
  const integer = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && INTEGER.test(String(value));
  if (isEnumType(type)) {
    const names = new Set(type.values.map((value) => value.name));
    return (value) => typeof value === 'string' && names.has(value);
  }
  if (type === schema.booleanType()) return (value) => typeof value === 'boolean';
  if (type === schema.intType()) return integer;
  if (type === schema.idType()) return (value) => typeof value === 'string' || integer(value);
  if (type === schema.floatType()) return (value) => typeof value === 'number' && Number.isFinite(value);
  return (value) => typeof value === 'string';
}

function condition(directive: { arguments(): { if: boolean | Variable }; toString(): string } | undefined): Condition | undefined {
  if (!directive) return undefined;
  const value = directive.arguments().if;
  // No `if:` at all (only in a document that skipped validation): Apollo reads it as undefined,
  // which skips under @include and keeps under @skip, as `false` does here.
  if (value === undefined) return false;
  return value instanceof Variable ? { variable: value.name, text: `${value}`, directive: `${directive}` } : value;
}

function conditionValue(value: Condition, variables: Record<string, unknown>): boolean {
  if (typeof value === 'boolean') return value;
  const given = variables[value.variable];
  if (typeof given !== 'boolean') {
    throw new Error(`Unexpected value ${String(given)} for variable ${value.text} of ${value.directive}`);
  }
  return given;
}

function skipped(step: Step, variables: Record<string, unknown>): boolean {
  return (step.skip !== undefined && conditionValue(step.skip, variables)) || (step.include !== undefined && !conditionValue(step.include, variables));
}

function getOwn(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function typeConditionApplies(schema: Schema, typeCondition: CompositeType | undefined, typename: string | undefined, parentType: CompositeType): boolean {
  if (!typeCondition) return true;
  if (typename) {
    const type = schema.type(typename);
    return !!type && isSubtype(typeCondition, type);
  }
  return isSubtype(typeCondition, parentType);
}

/**
 * What the last `updateOutputValue` call found besides its value (module state instead of a
 * result object per value: the walk is synchronous and reads them right after each call).
 * `invalid`: the value is null where null is not allowed (the parent must become null);
 * `hadErrors`: an error was recorded for it or below it.
 */
let invalid = false;
let hadErrors = false;

function applySelectionSet(
  input: Record<string, unknown>,
  steps: Step[],
  output: Record<string, unknown>,
  run: Run,
  path: (string | number)[],
  parentType: CompositeType,
): number {
  for (const step of steps) {
    if ((step.skip !== undefined || step.include !== undefined) && skipped(step, run.variables)) continue;
    if (step.kind === 'field') {
      const { responseName } = step;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) output[responseName] = run.introspection(step.introspection);
        continue;
      }
      let inputValue = getOwn(input, responseName) ?? null;
      if (step.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type = inputValue !== null && typeof inputValue === 'string' ? (run.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      output[responseName] = updateOutputValue(outputValue, step.value, inputValue, path, run, parentType);
      path.pop();
      if (invalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName];
      if (typename && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${String(typename)}`);
      if (typeConditionApplies(run.schema, step.typeCondition, typename as string | undefined, parentType)) {
        const result = applySelectionSet(input, step.selections, output, run, path, step.typeCondition ?? parentType);
        if (result === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function describeLast(path: (string | number)[], currentType: Type, parentType: CompositeType): string {
  const element = path[path.length - 1];
  return typeof element === 'string' ? `field ${parentType}.${element}` : `array element of type ${currentType} at index ${element}`;
}

/** The shaped value; sets `invalid` and `hadErrors` (see above). */
function updateOutputValue(outputValue: unknown, plan: ValuePlan, inputValue: unknown, path: (string | number)[], run: Run, parentType: CompositeType): unknown {
  if (inputValue === undefined) throw new Error('Should not pass undefined for `inputValue` to this method');
  invalid = false;
  hadErrors = false;
  if (outputValue === null || (outputValue !== undefined && !plan.hasSelections)) return outputValue;
  if (plan.kind === NON_NULL) {
    const updated = updateOutputValue(outputValue, plan.of, inputValue, path, run, parentType);
    if (updated === null) {
      if (!hadErrors) {
        run.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describeLast(path, plan.of.type, parentType)}.`, { path: Array.from(path) }),
        );
      }
      invalid = true;
      hadErrors = true;
      return null;
    }
    invalid = false;
    hadErrors = false;
    return updated;
  }
  if (inputValue === null) return null;
  switch (plan.kind) {
    case LIST: {
      if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${plan.type}`);
      if (outputValue !== undefined && !Array.isArray(outputValue)) {
        throw new Error(`Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${plan.type}`);
      }
      const outputList = outputValue as unknown[] | undefined;
      if (outputList && outputList.length !== inputValue.length) {
        throw new Error(`[${inputValue}].length (${inputValue.length}) !== [${outputList}].length (${outputList.length})`);
      }
      let shouldNullify = false;
      let anyErrors = false;
      const updated = new Array<unknown>(inputValue.length);
      for (let index = 0; index < inputValue.length; index++) {
        path.push(index);
        updated[index] = updateOutputValue(outputList ? outputList[index] : undefined, plan.of, inputValue[index], path, run, parentType);
        path.pop();
        shouldNullify ||= invalid;
        anyErrors ||= hadErrors;
      }
      invalid = false;
      hadErrors = anyErrors;
      return shouldNullify ? null : updated;
    }
    case COMPOSITE: {
      const { type, selections } = plan;
      if (!selections) throw new Error(`Invalid empty selection set for composite type ${type}`);
      if (typeof inputValue !== 'object') throw new Error(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type}`);
      if (outputValue !== undefined && typeof outputValue !== 'object') {
        throw new Error(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type}`);
      }
      const inputObject = inputValue as Record<string, unknown>;
      const inputTypename = inputObject[typenameFieldName];
      if (inputTypename !== undefined && typeof inputTypename !== 'string') {
        throw new Error(`Invalid non-string value ${String(inputTypename)} for __typename at ${path}`);
      }
      let objectType: CompositeType = type;
      if (inputTypename) {
        const named = run.schema.type(inputTypename);
        if (!named || !isCompositeType(named)) {
          run.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describeLast(path, type, parentType)}.`, { path: Array.from(path) }));
          invalid = false;
          hadErrors = true;
          return null;
        }
        objectType = named;
      }
      const outputObject = (outputValue === undefined ? Object.create(null) : outputValue) as Record<string, unknown>;
      const nulled = applySelectionSet(inputObject, selections, outputObject, run, path, objectType) === NULL_BUBBLE_UP;
      invalid = false;
      hadErrors = nulled;
      return nulled ? null : outputObject;
    }
    default: {
      if (outputValue !== undefined) throw new Error(`Excepted output to be undefined but got ${plan.type} for type ${plan.type}`);
      const valid = plan.valid(inputValue);
      if (!valid) {
        run.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describeLast(path, plan.type, parentType)}.`, { path: Array.from(path) }));
      }
      invalid = false;
      hadErrors = !valid;
      return valid ? inputValue : null;
    }
  }
}
