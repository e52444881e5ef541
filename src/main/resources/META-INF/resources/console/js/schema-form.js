// A form generated from a JSON Schema (a tool's inputSchema, a prompt's arguments, an elicitation's
// requestedSchema): strings, numbers, integers, booleans, enums (a select), arrays of primitives, nested objects;
// anything else a JSON textarea. Validation stays with the server, whose errors the page shows as they come: the
// form only refuses what it cannot turn into JSON (a number that is not one, JSON that does not parse).
import {h} from './dom.js';

let counter = 0;

/** A value the form cannot read; message names the field. */
export class FormError extends Error {}

/**
 * buildForm(schema) → {element, read()}: read() returns the object to send (empty fields left out) or throws a
 * FormError listing what could not be read.
 */
export function buildForm(schema) {
  const root = objectField(schema || {type: 'object'}, null, true, []);
  return {
    element: root.element,
    read() {
      const problems = [];
      const value = root.read(problems);
      if (problems.length) throw new FormError(problems.join('; '));
      return value ?? {};
    },
  };
}

/** The one type a property has, when it has one (["string","null"] and anyOf [X, {type:null}] count as X). */
function typeOf(schema) {
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== 'null');
    return types.length === 1 ? types[0] : undefined;
  }
  if (schema.type) return schema.type;
  const union = schema.anyOf || schema.oneOf;
  if (Array.isArray(union) && !union.every((option) => 'const' in option)) {
    const options = union.filter((option) => option.type !== 'null');
    return options.length === 1 ? typeOf(options[0]) : undefined;
  }
  if (schema.properties) return 'object';
  return undefined;
}

/** [{value, label}] for enum, oneOf/anyOf of consts (with titles) or legacy enumNames; else null. */
function choices(schema) {
  if (Array.isArray(schema.enum)) {
    return schema.enum.map((value, i) => ({value, label: schema.enumNames?.[i] ?? String(value)}));
  }
  const union = schema.oneOf || schema.anyOf;
  if (Array.isArray(union) && union.length && union.every((option) => 'const' in option)) {
    return union.map((option) => ({value: option.const, label: option.title ?? String(option.const)}));
  }
  return null;
}

function unwrap(schema) {
  const union = schema.anyOf || schema.oneOf;
  if (!schema.type && Array.isArray(union)) {
    const options = union.filter((option) => option.type !== 'null');
    if (options.length === 1) return {...options[0], description: schema.description ?? options[0].description, title: schema.title ?? options[0].title, default: schema.default ?? options[0].default};
  }
  return schema;
}

function field(rawSchema, name, required, path) {
  const schema = unwrap(rawSchema);
  const options = choices(schema);
  const type = typeOf(schema);
  if (options) return enumField(schema, name, required, path, options);
  if (type === 'object' && schema.properties) return objectField(schema, name, required, path);
  if (type === 'array' && schema.items && (choices(unwrap(schema.items)))) return multiChoiceField(schema, name, required, path);
  if (type === 'array' && schema.items && ['string', 'number', 'integer', 'boolean'].includes(typeOf(unwrap(schema.items)))) {
    return arrayField(schema, name, required, path);
  }
  if (type === 'string') return stringField(schema, name, required, path);
  if (type === 'number' || type === 'integer') return numberField(schema, name, required, path, type);
  if (type === 'boolean') return booleanField(schema, name, required, path);
  return jsonField(schema, name, required, path);
}

function label(schema, name, required, id) {
  return h('label', {for: id, class: 'field-label'},
    h('span', {class: 'field-name'}, schema.title && schema.title !== name ? `${schema.title} (${name})` : name),
    required ? h('span', {class: 'required', title: 'required'}, ' *') : null,
    schema.type || schema.format ? h('span', {class: 'field-type'}, ` ${[].concat(schema.type || []).join('|')}${schema.format ? ` · ${schema.format}` : ''}`) : null);
}

function wrap(schema, name, required, id, control) {
  return h('div', {class: 'field', dataset: {field: name}},
    label(schema, name, required, id),
    control,
    schema.description ? h('div', {class: 'field-help'}, schema.description) : null);
}

function newId(path) {
  return `f${++counter}-${path.join('-').replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function where(path) {
  return path.length ? path.join('.') : 'the form';
}

function objectField(schema, name, required, path) {
  const requiredNames = new Set(schema.required || []);
  const children = Object.entries(schema.properties || {}).map(([key, property]) => [key, field(property, key, requiredNames.has(key), [...path, key])]);
  const body = children.length
    ? children.map(([, child]) => child.element)
    : [h('p', {class: 'muted'}, 'No arguments.')];
  const element = name === null
    ? h('div', {class: 'schema-form'}, body)
    : h('fieldset', {class: 'field nested', dataset: {field: name}},
      h('legend', {}, name, required ? h('span', {class: 'required'}, ' *') : null),
      schema.description ? h('div', {class: 'field-help'}, schema.description) : null,
      body);
  return {
    element,
    read(problems) {
      const value = {};
      for (const [key, child] of children) {
        const childValue = child.read(problems);
        if (childValue !== undefined) value[key] = childValue;
      }
      return Object.keys(value).length || required || name === null ? value : undefined;
    },
  };
}

function stringField(schema, name, required, path) {
  const id = newId(path);
  const long = (schema.maxLength ?? 0) > 200 || /text|body|content|description|query/i.test(name);
  const input = long
    ? h('textarea', {id, name, rows: 3})
    : h('input', {id, name, type: schema.format === 'email' ? 'email' : 'text',
      placeholder: schema.format === 'date-time' ? '2026-12-01T09:00:00+01:00' : schema.format === 'date' ? '2026-12-01' : schema.examples?.[0] ?? null});
  if (typeof schema.default === 'string') input.value = schema.default;
  return {
    element: wrap(schema, name, required, id, input),
    read() {
      return input.value === '' ? undefined : input.value;
    },
  };
}

function numberField(schema, name, required, path, type) {
  const id = newId(path);
  const input = h('input', {id, name, type: 'text', inputmode: type === 'integer' ? 'numeric' : 'decimal',
    placeholder: [schema.minimum ?? schema.exclusiveMinimum, schema.maximum ?? schema.exclusiveMaximum].some((bound) => bound !== undefined)
      ? `${schema.minimum ?? schema.exclusiveMinimum ?? ''}…${schema.maximum ?? schema.exclusiveMaximum ?? ''}` : null});
  if (typeof schema.default === 'number') input.value = String(schema.default);
  return {
    element: wrap(schema, name, required, id, input),
    read(problems) {
      const text = input.value.trim();
      if (text === '') return undefined;
      const value = Number(text);
      if (Number.isNaN(value)) {
        problems.push(`${where(path)}: "${text}" is not a number`);
        return undefined;
      }
      return value; // an integer field with 2.5 goes to the server as it is: its answer says what is wrong
    },
  };
}

function booleanField(schema, name, required, path) {
  const id = newId(path);
  if (required) {
    const input = h('input', {id, name, type: 'checkbox', checked: schema.default === true});
    return {element: wrap(schema, name, required, id, h('span', {class: 'checkbox'}, input)), read: () => input.checked};
  }
  const select = h('select', {id, name}, h('option', {value: ''}, '—'), h('option', {value: 'true'}, 'true'), h('option', {value: 'false'}, 'false'));
  if (typeof schema.default === 'boolean') select.value = String(schema.default);
  return {
    element: wrap(schema, name, required, id, select),
    read: () => (select.value === '' ? undefined : select.value === 'true'),
  };
}

function enumField(schema, name, required, path, options) {
  const id = newId(path);
  const select = h('select', {id, name},
    h('option', {value: ''}, required ? 'Choose…' : '—'),
    options.map((option, i) => h('option', {value: String(i)}, option.label)));
  const preset = options.findIndex((option) => option.value === schema.default);
  if (preset >= 0) select.value = String(preset);
  return {
    element: wrap(schema, name, required, id, select),
    read: () => (select.value === '' ? undefined : options[Number(select.value)].value),
  };
}

function multiChoiceField(schema, name, required, path) {
  const id = newId(path);
  const options = choices(unwrap(schema.items));
  const boxes = options.map((option, i) => {
    const box = h('input', {type: 'checkbox', id: `${id}-${i}`, checked: Array.isArray(schema.default) && schema.default.includes(option.value)});
    return {box, option, element: h('label', {class: 'choice', for: `${id}-${i}`}, box, ` ${option.label}`)};
  });
  return {
    element: wrap(schema, name, required, `${id}-0`, h('div', {class: 'choices', id}, boxes.map((b) => b.element))),
    read() {
      const value = boxes.filter((b) => b.box.checked).map((b) => b.option.value);
      return value.length || required ? value : undefined;
    },
  };
}

function arrayField(schema, name, required, path) {
  const id = newId(path);
  const itemSchema = unwrap(schema.items);
  const list = h('div', {class: 'array-items'});
  const items = [];
  const add = () => {
    const item = field({...itemSchema, description: undefined, title: undefined}, `${name}[${items.length}]`, false, [...path, String(items.length)]);
    const row = h('div', {class: 'array-item'}, item.element,
      h('button', {type: 'button', class: 'small', title: 'Remove', onclick: () => {
        items.splice(items.indexOf(entry), 1);
        row.remove();
      }}, '✕'));
    const entry = {item, row};
    items.push(entry);
    list.append(row);
  };
  const control = h('div', {id, class: 'array'}, list, h('button', {type: 'button', class: 'small', onclick: add}, '+ Add item'));
  return {
    element: wrap(schema, name, required, id, control),
    read(problems) {
      const value = items.map((entry) => entry.item.read(problems)).filter((v) => v !== undefined);
      return value.length || required ? value : undefined;
    },
  };
}

function jsonField(schema, name, required, path) {
  const id = newId(path);
  const area = h('textarea', {id, name, rows: 4, class: 'json', placeholder: 'JSON', spellcheck: 'false'});
  if (schema.default !== undefined) area.value = JSON.stringify(schema.default, null, 2);
  return {
    element: wrap(schema, name, required, id, area),
    read(problems) {
      const text = area.value.trim();
      if (text === '') return undefined;
      try {
        return JSON.parse(text);
      } catch (error) {
        problems.push(`${where(path)}: not JSON (${error.message})`);
        return undefined;
      }
    },
  };
}
