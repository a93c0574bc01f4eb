"use client";

import { useTranslations } from "next-intl";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { Button } from "./button";
import { ErrorPanel } from "./error-panel";

type Props = {
  /** What the widget is, in the user's words ("the code editor", "the CPU chart"). */
  name: string;
  children: ReactNode;
};

/**
 * Keeps one failing widget (Monaco, a chart, a chunk that did not download) from taking the page down
 * with it: the widget's box shows what failed and a retry, and the rest of the page stays usable.
 */
export class WidgetBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`${this.props.name} failed`, error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <WidgetError name={this.props.name} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

function WidgetError({ name, onRetry }: { name: string; onRetry: () => void }) {
  const t = useTranslations("common.errors");
  return (
    <ErrorPanel
      title={t("widgetTitle", { name })}
      message={t("widgetMessage")}
      action={
        <Button size="sm" onClick={onRetry}>
          {t("retry")}
        </Button>
      }
    />
  );
}
