// dmn-js ships no type declarations: the little of its API this app uses.
declare module 'dmn-js/lib/Modeler' {
  import type { DmnManager } from 'dmn-js-types';
  export default class Modeler extends DmnManager {}
}

declare module 'dmn-js/lib/Viewer' {
  import type { DmnManager } from 'dmn-js-types';
  export default class Viewer extends DmnManager {}
}

declare module 'dmn-js-types' {
  export interface DmnView {
    id: string;
    type: 'drd' | 'decisionTable' | 'literalExpression' | 'boxedExpression' | string;
    name?: string;
    element: { id: string; name?: string; $type: string };
  }

  export interface DmnEventEmitter {
    on(event: string, callback: (event: any) => void): void;
    off(event: string, callback: (event: any) => void): void;
  }

  export interface DmnViewer extends DmnEventEmitter {
    get<T = any>(service: string, strict?: boolean): T;
  }

  export class DmnManager implements DmnEventEmitter {
    constructor(options?: { container?: HTMLElement; [key: string]: unknown });
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml: string }>;
    getViews(): DmnView[];
    getActiveView(): DmnView | undefined;
    getActiveViewer(): DmnViewer | undefined;
    open(view: DmnView): Promise<{ warnings: unknown[] }>;
    on(event: string, callback: (event: any) => void): void;
    off(event: string, callback: (event: any) => void): void;
    destroy(): void;
  }
}
