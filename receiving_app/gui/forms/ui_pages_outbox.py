# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pages_outbox.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_OutboxPage(object):
    def setupUi(self, OutboxPage):
        if not OutboxPage.objectName():
            OutboxPage.setObjectName(u"OutboxPage")
        OutboxPage.resize(1180, 760)
        self.outboxLayout = QVBoxLayout(OutboxPage)
        self.outboxLayout.setObjectName(u"outboxLayout")
        self.summaryLabel = QLabel(OutboxPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.outboxLayout.addWidget(self.summaryLabel)

        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.showAllCheck = QCheckBox(OutboxPage)
        self.showAllCheck.setObjectName(u"showAllCheck")

        self.filterRow.addWidget(self.showAllCheck)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterSpacer)

        self.refreshButton = QPushButton(OutboxPage)
        self.refreshButton.setObjectName(u"refreshButton")

        self.filterRow.addWidget(self.refreshButton)


        self.outboxLayout.addLayout(self.filterRow)

        self.messagesTable = QTableView(OutboxPage)
        self.messagesTable.setObjectName(u"messagesTable")
        self.messagesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.messagesTable.setAlternatingRowColors(True)
        self.messagesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.messagesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.messagesTable.setTabKeyNavigation(False)
        self.messagesTable.setWordWrap(False)

        self.outboxLayout.addWidget(self.messagesTable)

        self.detailLabel = QLabel(OutboxPage)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outboxLayout.addWidget(self.detailLabel)

        self.actionRow = QHBoxLayout()
        self.actionRow.setObjectName(u"actionRow")
        self.reasonLabel = QLabel(OutboxPage)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.actionRow.addWidget(self.reasonLabel)

        self.reasonEdit = QLineEdit(OutboxPage)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(500)

        self.actionRow.addWidget(self.reasonEdit)

        self.cancelButton = QPushButton(OutboxPage)
        self.cancelButton.setObjectName(u"cancelButton")

        self.actionRow.addWidget(self.cancelButton)

        self.retryButton = QPushButton(OutboxPage)
        self.retryButton.setObjectName(u"retryButton")

        self.actionRow.addWidget(self.retryButton)


        self.outboxLayout.addLayout(self.actionRow)

        self.messageLabel = QLabel(OutboxPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.outboxLayout.addWidget(self.messageLabel)

        self.outboxLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.showAllCheck, self.refreshButton)
        QWidget.setTabOrder(self.refreshButton, self.messagesTable)
        QWidget.setTabOrder(self.messagesTable, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.retryButton)

        self.retranslateUi(OutboxPage)

        QMetaObject.connectSlotsByName(OutboxPage)
    # setupUi

    def retranslateUi(self, OutboxPage):
#if QT_CONFIG(accessibility)
        OutboxPage.setAccessibleName(QCoreApplication.translate("OutboxPage", u"Outbox: e-mails to customers and webhooks", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("OutboxPage", u"How many messages wait and how many failed", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText(QCoreApplication.translate("OutboxPage", u"Reading the outbox\u2026", None))
#if QT_CONFIG(accessibility)
        self.showAllCheck.setAccessibleName(QCoreApplication.translate("OutboxPage", u"Show sent, cancelled and skipped messages too", None))
#endif // QT_CONFIG(accessibility)
        self.showAllCheck.setText(QCoreApplication.translate("OutboxPage", u"Show &sent, cancelled and skipped too", None))
#if QT_CONFIG(accessibility)
        self.refreshButton.setAccessibleName(QCoreApplication.translate("OutboxPage", u"Read the outbox again", None))
#endif // QT_CONFIG(accessibility)
        self.refreshButton.setText(QCoreApplication.translate("OutboxPage", u"&Refresh", None))
#if QT_CONFIG(accessibility)
        self.messagesTable.setAccessibleName(QCoreApplication.translate("OutboxPage", u"Messages, newest first", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detailLabel.setAccessibleName(QCoreApplication.translate("OutboxPage", u"The chosen message's last answer", None))
#endif // QT_CONFIG(accessibility)
        self.detailLabel.setText("")
        self.reasonLabel.setText(QCoreApplication.translate("OutboxPage", u"Reason to &cancel", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("OutboxPage", u"Why the chosen message is cancelled", None))
#endif // QT_CONFIG(accessibility)
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("OutboxPage", u"why it must never be sent (needed to cancel)", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("OutboxPage", u"Cancel the chosen message", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("OutboxPage", u"Ca&ncel message", None))
#if QT_CONFIG(accessibility)
        self.retryButton.setAccessibleName(QCoreApplication.translate("OutboxPage", u"Send the chosen message again now", None))
#endif // QT_CONFIG(accessibility)
        self.retryButton.setText(QCoreApplication.translate("OutboxPage", u"Re&try now", None))
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("OutboxPage", u"What the last action did", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

